/**
 * protoc-gen-protogov-errors: typed errors from annotated error enums (see
 * proto/protogov/errors/v1/errors.proto and docs/error-contract.md), in the
 * language chosen by the `lang` option: TypeScript classes on
 * @protogov/errors-runtime (generate.ts), or Go, Python, Java, PHP from one view
 * model (view-model.ts) through an emitter per language (lang/). Pure: no
 * process; the bin (bin.ts) runs it through plugins/runner.ts, protogov calls
 * `runErrorsPlugin` in-process.
 */
import type { CodeGeneratorRequest, CodeGeneratorResponse } from "@bufbuild/protobuf/wkt";
import { enums } from "../../core/model/descriptors/walk.js";
import { isErrorEnum } from "../../core/model/error-model/error-model.js";
import { PROTOGOV_VERSION } from "../../core/model/version.js";
import { definePlugin, type ProtogovPlugin } from "../define-plugin.js";
import { defineOptions, ECMASCRIPT_OPTIONS } from "../options.js";
import { checkErrorFile } from "./check.js";
import { generateErrorFile } from "./generate.js";
import type { LanguageEmitter } from "./lang/emitter.js";
import { goEmitter } from "./lang/go.js";
import { javaEmitter } from "./lang/java.js";
import { phpEmitter } from "./lang/php.js";
import { pythonEmitter } from "./lang/python.js";
import { errorFileView } from "./view-model.js";

export const ERRORS_PLUGIN_NAME = "protoc-gen-protogov-errors";

/** The languages besides TypeScript: an emitter each (lang/<lang>.ts + templates/errors/<lang>/). */
const EMITTERS: readonly LanguageEmitter[] = [goEmitter, pythonEmitter, javaEmitter, phpEmitter];
export const ERROR_LANGUAGES = ["ts", ...EMITTERS.map((e) => e.lang)] as const;

export const errorsPluginOptions = defineOptions({
  runtime_import: {
    kind: "string",
    description: "module the generated classes import GovernedError, Code and ErrorSet from (lang=ts)",
    default: "@protogov/errors-runtime",
  },
  lang: {
    kind: "string",
    description: "language of the generated errors",
    default: "ts",
    values: ERROR_LANGUAGES,
  },
  connect: {
    kind: "boolean",
    description:
      "lang=go: also generate protogov_errors_connect.go (connectrpc.com/connect): handlers return the typed errors, FromError reads *connect.Error",
    default: false,
  },
});

/** `connect=true` belongs to Go: with another language it is refused, not silently ignored. */
function conflicts(options: { lang: string; connect: boolean }): string | undefined {
  return options.connect && options.lang !== "go" ? `option "connect" needs lang=go, not lang=${options.lang}` : undefined;
}

const description = "generates a typed error per value of each annotated error enum (lang=ts|go|python|java|php)";

const tsPlugin = definePlugin({
  name: ERRORS_PLUGIN_NAME,
  version: PROTOGOV_VERSION,
  description,
  options: errorsPluginOptions,
  wants,
  conflicts,
  generateTs(schema) {
    for (const file of schema.files) generateErrorFile(schema, file);
  },
});

// The TypeScript options stay accepted (and unused) for the other languages, so a
// target switches `lang` without editing its other options.
const filesPlugin = definePlugin({
  name: ERRORS_PLUGIN_NAME,
  version: PROTOGOV_VERSION,
  description,
  options: { ...errorsPluginOptions, ...ECMASCRIPT_OPTIONS },
  wants,
  conflicts,
  generateFiles(schema) {
    const emitter = EMITTERS.find((e) => e.lang === schema.options.lang);
    if (!emitter) throw new Error(`no emitter for lang=${schema.options.lang}`);
    const views = [];
    for (const file of schema.files) {
      const view = errorFileView(schema, file);
      if (!view) continue;
      checkErrorFile(file, view.modeled);
      views.push(view);
    }
    return emitter.emit(views, { connect: schema.options.connect });
  },
});

export const errorsPlugin: ProtogovPlugin = {
  name: ERRORS_PLUGIN_NAME,
  version: PROTOGOV_VERSION,
  description,
  options: tsPlugin.options,
  run(request) {
    // `lang` picks the plugin; each validates the whole parameter itself.
    const lang = /(?:^|,)lang=([^,]*)/.exec(request.parameter)?.[1] ?? "ts";
    return (lang === "ts" ? tsPlugin : filesPlugin).run(request);
  },
};

/**
 * In-process entry point (protogov generate): the same as running the plugin
 * under protoc or buf. Problems in the protos or the parameter come back in
 * `response.error`; only a bug in the plugin throws.
 */
export function runErrorsPlugin(request: CodeGeneratorRequest): CodeGeneratorResponse {
  return errorsPlugin.run(request);
}

// Most requests (googleapis: ~7,000 files, no error enum) have nothing for
// us; answering from the raw descriptors skips building a registry.
function wants(request: CodeGeneratorRequest): boolean {
  const targets = new Set(request.fileToGenerate);
  return request.protoFile.some((file) => targets.has(file.name) && hasErrorEnum(file));
}

function hasErrorEnum(file: CodeGeneratorRequest["protoFile"][number]): boolean {
  for (const e of enums(file)) if (isErrorEnum(e.node)) return true;
  return false;
}

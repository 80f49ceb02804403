/**
 * protoc-gen-protogov-tests: a test scaffold per service, run against the
 * service's implementation through Connect's in-memory transport. Pure: no
 * process, no fs. The bin (bin.ts) runs it through plugins/runner.ts;
 * `protogov scaffold` calls `runTestsPlugin` in-process and merges the result
 * with the files on disk (core/features/scaffold).
 *
 * Output, relative to the output directory, next to protoc-gen-es's files:
 * - `<dir>/<service_snake>.test.ts`: one block per RPC (see print-test.ts);
 * - `<dir>/<service_snake>.impl.ts`: a placeholder implementation, unless
 *   `impl_import` names the real one;
 * - `protogov_test_support.ts`: the runners and case types the tests share.
 * Every file is TypeScript: unlike protoc-gen-es, `target` defaults to `ts`
 * (a test scaffold is meant to be edited, and node:test and vitest both run
 * compiled or transpiled TypeScript).
 */
import type { CodeGeneratorRequest, CodeGeneratorResponse } from "@bufbuild/protobuf/wkt";
import { PROTOGOV_VERSION } from "../../core/model/version.js";
import { definePlugin, type ProtogovPlugin } from "../define-plugin.js";
import { defineOptions, ECMASCRIPT_OPTIONS, parseOptions } from "../options.js";
import { sealBlocks } from "./blocks.js";
import { checkExportPattern, checkPattern, PLACEHOLDERS, SUPPORT_FILE } from "./names.js";
import { printPlaceholderFile } from "./print-impl.js";
import { printSupportFile } from "./print-support.js";
import { printTestFile } from "./print-test.js";

export const TESTS_PLUGIN_NAME = "protoc-gen-protogov-tests";

const placeholderHelp = Object.keys(PLACEHOLDERS).join(" ");

export const testsPluginOptions = defineOptions({
  runner: { kind: "string", description: "test framework the files import describe/it from", default: "node", values: ["node", "vitest"] },
  impl_import: {
    kind: "string",
    description: `module exporting the implementation, ./path relative to the output root or a package; placeholders ${placeholderHelp} (default: a generated placeholder)`,
    default: "",
    check: checkPattern,
  },
  impl_export: {
    kind: "string",
    description: "name of the ServiceImpl the implementation module exports; same placeholders",
    default: "{service_camel}Impl",
    check: checkExportPattern,
  },
  runtime_import: {
    kind: "string",
    description: "module the tests import createErrorRegistry from",
    default: "@protogov/errors-runtime",
  },
});

const inner = definePlugin({
  name: TESTS_PLUGIN_NAME,
  version: PROTOGOV_VERSION,
  description: "generates a node:test or vitest scaffold per service, run through Connect's in-memory transport",
  options: testsPluginOptions,
  wants(request) {
    const targets = new Set(request.fileToGenerate);
    return request.protoFile.some((file) => targets.has(file.name) && file.service.some((s) => s.method.length > 0));
  },
  generateTs(schema) {
    const { import_extension } = parseOptions(TESTS_PLUGIN_NAME, schema.proto.parameter, {
      ...testsPluginOptions,
      ...ECMASCRIPT_OPTIONS,
    });
    const services = schema.files.flatMap((file) => file.services).filter((s) => s.methods.length > 0);
    if (services.length === 0) return;
    for (const service of services) {
      printTestFile(schema, service, import_extension);
      if (schema.options.impl_import === "") printPlaceholderFile(schema, service);
    }
    printSupportFile(schema.generateFile(SUPPORT_FILE), schema.options.runtime_import);
  },
});

export const testsPlugin: ProtogovPlugin = {
  ...inner,
  options: { ...inner.options, target: { ...ECMASCRIPT_OPTIONS.target, default: "ts" } },
  run(request) {
    const hasTarget = request.parameter.split(",").some((p) => p.split("=")[0] === "target");
    const parameter = hasTarget ? request.parameter : ["target=ts", request.parameter].filter((p) => p !== "").join(",");
    const response = inner.run({ ...request, parameter });
    for (const file of response.file) file.content = sealBlocks(file.content);
    return response;
  },
};

/**
 * In-process entry point (protogov scaffold): the same as running the plugin
 * under protoc or buf. Problems in the protos or the parameter come back in
 * `response.error`; only a bug in the plugin throws.
 */
export function runTestsPlugin(request: CodeGeneratorRequest): CodeGeneratorResponse {
  return testsPlugin.run(request);
}

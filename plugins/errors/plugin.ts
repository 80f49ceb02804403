/**
 * protoc-gen-protogov-errors: typed TypeScript error classes from annotated
 * error enums (see proto/protogov/errors/v1/errors.proto). Pure: no process,
 * no fs. The bin (bin.ts) runs it through plugins/runner.ts; protogov calls
 * `runErrorsPlugin` in-process.
 */
import type { CodeGeneratorRequest, CodeGeneratorResponse } from "@bufbuild/protobuf/wkt";
import { enums } from "../../core/model/descriptors/walk.js";
import { isErrorEnum } from "../../core/model/error-model/error-model.js";
import { PROTOGOV_VERSION } from "../../core/model/version.js";
import { definePlugin } from "../define-plugin.js";
import { defineOptions } from "../options.js";
import { generateErrorFile } from "./generate.js";

export const ERRORS_PLUGIN_NAME = "protoc-gen-protogov-errors";

export const errorsPluginOptions = defineOptions({
  runtime_import: {
    kind: "string",
    description: "module the generated classes import GovernedError, Code and ErrorSet from",
    default: "@protogov/errors-runtime",
  },
});

export const errorsPlugin = definePlugin({
  name: ERRORS_PLUGIN_NAME,
  version: PROTOGOV_VERSION,
  description: "generates a typed ConnectError subclass per value of each annotated error enum",
  options: errorsPluginOptions,
  // Most requests (googleapis: ~7,000 files, no error enum) have nothing for
  // us; answering from the raw descriptors skips building a registry.
  wants(request) {
    const targets = new Set(request.fileToGenerate);
    return request.protoFile.some((file) => targets.has(file.name) && hasErrorEnum(file));
  },
  generateTs(schema) {
    for (const file of schema.files) generateErrorFile(schema, file);
  },
});

/**
 * In-process entry point (protogov generate): the same as running the plugin
 * under protoc or buf. Problems in the protos or the parameter come back in
 * `response.error`; only a bug in the plugin throws.
 */
export function runErrorsPlugin(request: CodeGeneratorRequest): CodeGeneratorResponse {
  return errorsPlugin.run(request);
}

function hasErrorEnum(file: CodeGeneratorRequest["protoFile"][number]): boolean {
  for (const e of enums(file)) if (isErrorEnum(e.node)) return true;
  return false;
}

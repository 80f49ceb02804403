/**
 * What stops generation of one file: problems that would make the generated
 * code wrong, not just unidiomatic (those are lint findings, see the ERROR_*
 * rules). All problems of a file are reported together, each with its line,
 * through CodeGeneratorResponse.error.
 *
 * - an error enum without a domain: ErrorInfo would carry an empty domain;
 * - two classes with one name, or a class named like a global or an import;
 * - two errors with one reason in a domain: the registry could not tell them apart;
 * - a code that is not a gRPC status code;
 * - a placeholder that is not a lower_snake_case name, or two parameters with
 *   one lowerCamelCase key: the constructor type could not be written.
 */
import type { DescEnum, DescEnumValue, DescFile } from "@bufbuild/protobuf";
import { CODES, type ErrorEnum, type ErrorValue } from "../../core/model/error-model/error-model.js";
import { PluginInputError } from "../define-plugin.js";
import { getComments } from "../protoplugin.js";

export interface ModeledEnum {
  desc: DescEnum;
  model: ErrorEnum;
}

/** Names a generated class must not take: globals it would shadow and the names the file imports. */
const RESERVED = new Set([
  "Error",
  "AggregateError",
  "EvalError",
  "RangeError",
  "ReferenceError",
  "SyntaxError",
  "TypeError",
  "URIError",
  "ConnectError",
  "GovernedError",
]);

export function checkErrorFile(file: DescFile, enums: readonly ModeledEnum[]): void {
  const problems: string[] = [];
  const classes = new Map<string, ErrorValue>();
  const reasons = new Map<string, ErrorValue>();
  for (const { desc, model } of enums) {
    const where = (error: ErrorValue) => `${file.proto.name}:${lineOf(file, desc.values[error.index] ?? desc)}: ${error.protoName}`;
    if (model.domain === "") {
      problems.push(
        `${file.proto.name}:${lineOf(file, desc)}: ${model.fullName} has error values but no (protogov.errors.v1.domain) option`,
      );
    }
    for (const error of model.errors) {
      if (RESERVED.has(error.className)) {
        problems.push(`${where(error)}: the class name ${error.className} is reserved; rename the value`);
      }
      const sameName = classes.get(error.className);
      if (sameName) {
        problems.push(`${where(error)}: class ${error.className} is also generated for ${sameName.protoName}; rename one of the values`);
      } else {
        classes.set(error.className, error);
      }
      const key = `${model.domain} ${error.reason}`;
      const sameReason = reasons.get(key);
      if (sameReason) {
        problems.push(`${where(error)}: reason ${error.reason} is also used by ${sameReason.protoName} in domain "${model.domain}"`);
      } else {
        reasons.set(key, error);
      }
      if (!CODES[error.code]) {
        problems.push(`${where(error)}: code ${error.code} is not a gRPC status code`);
      }
      for (const bad of error.badPlaceholders) {
        problems.push(`${where(error)}: placeholder {${bad}} in the message is not a lower_snake_case parameter name`);
      }
      const keys = error.params.map((p) => p.key);
      const dupes = keys.filter((k, i) => keys.indexOf(k) !== i);
      if (dupes.length > 0) {
        problems.push(`${where(error)}: parameters ${error.params.map((p) => `{${p.name}}`).join(", ")} share the key ${dupes.join(", ")}`);
      }
    }
  }
  if (problems.length > 0) {
    throw new PluginInputError(`protoc-gen-protogov-errors: cannot generate errors for ${file.proto.name}:\n  ${problems.join("\n  ")}`);
  }
}

/** 1-based line of an element, from the request's source info ("?" when it was stripped). */
function lineOf(file: DescFile, desc: DescEnum | DescEnumValue): string {
  const path = getComments(desc).sourcePath.join(".");
  const loc = file.proto.sourceCodeInfo?.location.find((l) => l.path.join(".") === path);
  const line = loc?.span[0];
  return line === undefined ? "?" : String(line + 1);
}

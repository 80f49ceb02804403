/**
 * Prints `<file>_errors.ts` for one proto file: a class per error value (static
 * metadata, a constructor typed by the template parameters, JSDoc from the
 * proto comments) and `errorSet`, the file's classes for createErrorRegistry().
 * What the values mean comes from the shared error model; this file only
 * checks what would make the output wrong and lays it out.
 */
import type { DescEnum, DescEnumValue, DescFile } from "@bufbuild/protobuf";
import { CODES, type ErrorEnum, type ErrorValue, readErrorEnum } from "../../core/model/error-model/error-model.js";
import { withoutDirectives } from "../../core/model/findings/directives.js";
import { type GeneratedFile, getComments, getDeclarationString, type Schema } from "../protoplugin.js";
import { checkErrorFile, type ModeledEnum } from "./check.js";

export interface ErrorsPluginOptions {
  runtime_import: string;
}

export function generateErrorFile(schema: Schema<ErrorsPluginOptions>, file: DescFile): void {
  const modeled: ModeledEnum[] = [];
  for (const desc of schema.typesInFile(file)) {
    if (desc.kind !== "enum") continue;
    const model = readErrorEnum(desc.proto, desc.typeName);
    if (model && model.errors.length > 0) modeled.push({ desc, model });
  }
  if (modeled.length === 0) return;
  checkErrorFile(file, modeled);

  const f = schema.generateFile(`${file.name.replace(/\.proto$/, "")}_errors.ts`);
  f.preamble(file);
  const runtime = schema.options.runtime_import;
  const names: string[] = [];
  for (const { desc, model } of modeled) {
    for (const error of model.errors) {
      printClass(f, runtime, model, error, valueDesc(desc, error));
      names.push(error.className);
    }
  }
  f.print(f.jsDoc(`Every error of ${file.proto.name}, for createErrorRegistry().`));
  f.print(f.export("const", "errorSet"), " = [", names.join(", "), "] as const satisfies ", f.import("ErrorSet", runtime, true), ";");
}

function printClass(f: GeneratedFile, runtime: string, model: ErrorEnum, error: ErrorValue, desc: DescEnumValue): void {
  const codeName = CODES[error.code]?.[0] ?? "Unknown";
  f.print(f.jsDoc(docText(model, error, desc, codeName)));
  f.print(f.export("class", error.className), " extends ", f.import("GovernedError", runtime), "<", paramsType(error), "> {");
  f.print("  static readonly protoName = ", f.string(error.protoName), ";");
  f.print("  static readonly domain = ", f.string(model.domain), ";");
  f.print("  static readonly reason = ", f.string(error.reason), ";");
  f.print("  static readonly code = ", f.import("Code", runtime), ".", codeName, ";");
  f.print("  static readonly number = ", error.options.number, ";");
  f.print("  static readonly httpStatus = ", error.httpStatus, ";");
  f.print("  static readonly messageTemplate = ", f.string(error.options.message), ";");
  f.print("  static readonly params = [", error.params.map((p) => JSON.stringify(p.key)).join(", "), "] as const;");
  f.print("  static readonly retryable = ", error.options.retryable, ";");
  const delay = error.options.retryDelayMs;
  f.print("  static readonly retryDelayMs = ", delay === undefined ? "undefined" : delay, ";");
  f.print("}");
  f.print();
}

function paramsType(error: ErrorValue): string {
  if (error.params.length === 0) return "Record<never, string>";
  const lines = error.params.map((p) => `  /** \`{${p.name}}\` in the message template. */\n  readonly ${p.key}: string;`);
  return `{\n${lines.join("\n")}\n}`;
}

/** The proto comments, then what a reader of the class needs without opening the proto. */
function docText(model: ErrorEnum, error: ErrorValue, desc: DescEnumValue, codeName: string): string {
  const comments = getComments(desc);
  const leading = [comments.leading, comments.trailing]
    .filter((c): c is string => c !== undefined)
    .map((c) =>
      c
        .replace(/\n$/, "")
        .split("\n")
        .map((line) => (line.startsWith(" ") ? line.slice(1) : line))
        .join("\n")
        .trim(),
    )
    .map(withoutDirectives)
    .filter((c) => c.length > 0)
    .join("\n\n");
  const retry = error.options.retryable
    ? `, retryable${error.options.retryDelayMs === undefined ? "" : ` after ${error.options.retryDelayMs} ms`}`
    : "";
  const summary = [
    `Message: "${error.options.message}"`,
    `Error ${error.options.number} · ${codeName} · HTTP ${error.httpStatus}${retry} · reason ${error.reason} in ${model.domain}`,
  ].join("\n");
  const tail = [`@generated from enum value: ${getDeclarationString(desc)};`, ...(desc.deprecated ? ["@deprecated"] : [])];
  return [leading, summary, tail.join("\n")].filter((part) => part.length > 0).join("\n\n");
}

function valueDesc(desc: DescEnum, error: ErrorValue): DescEnumValue {
  const value = desc.values[error.index];
  if (!value) throw new Error(`enum ${desc.typeName} has no value at index ${error.index}`);
  return value;
}

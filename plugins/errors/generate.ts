/**
 * The TypeScript emitter: `<file>_errors.ts` for one proto file, a class per
 * error value (static metadata, a constructor typed by the template
 * parameters, JSDoc from the proto comments) and `errorSet`, the file's
 * classes for createErrorRegistry(). It prints the shared view model
 * (view-model.ts) through protoplugin's GeneratedFile, which manages imports.
 */
import type { DescFile } from "@bufbuild/protobuf";
import type { GeneratedFile, Schema } from "../protoplugin.js";
import { checkErrorFile } from "./check.js";
import { type ErrorView, errorFileView } from "./view-model.js";

export interface ErrorsPluginOptions {
  runtime_import: string;
}

export function generateErrorFile(schema: Schema<ErrorsPluginOptions>, file: DescFile): void {
  const view = errorFileView(schema, file);
  if (!view) return;
  checkErrorFile(file, view.modeled);

  const f = schema.generateFile(`${file.name.replace(/\.proto$/, "")}_errors.ts`);
  f.preamble(file);
  const runtime = schema.options.runtime_import;
  const names: string[] = [];
  for (const e of view.enums) {
    for (const error of e.errors) {
      printClass(f, runtime, error);
      names.push(error.className);
    }
  }
  f.print(f.jsDoc(`Every error of ${file.proto.name}, for createErrorRegistry().`));
  f.print(f.export("const", "errorSet"), " = [", names.join(", "), "] as const satisfies ", f.import("ErrorSet", runtime, true), ";");
}

function printClass(f: GeneratedFile, runtime: string, error: ErrorView): void {
  f.print(f.jsDoc(docText(error)));
  f.print(f.export("class", error.className), " extends ", f.import("GovernedError", runtime), "<", paramsType(error), "> {");
  f.print("  static readonly protoName = ", f.string(error.protoName), ";");
  f.print("  static readonly domain = ", f.string(error.domain), ";");
  f.print("  static readonly reason = ", f.string(error.reason), ";");
  f.print("  static readonly code = ", f.import("Code", runtime), ".", error.connectCode, ";");
  f.print("  static readonly number = ", error.number, ";");
  f.print("  static readonly httpStatus = ", error.httpStatus, ";");
  f.print("  static readonly messageTemplate = ", f.string(error.template), ";");
  f.print("  static readonly params = [", error.params.map((p) => JSON.stringify(p.camel)).join(", "), "] as const;");
  f.print("  static readonly retryable = ", error.retryable, ";");
  f.print("  static readonly retryDelayMs = ", error.retryDelayMs === undefined ? "undefined" : error.retryDelayMs, ";");
  f.print("}");
  f.print();
}

function paramsType(error: ErrorView): string {
  if (error.params.length === 0) return "Record<never, string>";
  const lines = error.params.map((p) => `  /** \`{${p.snake}}\` in the message template. */\n  readonly ${p.camel}: string;`);
  return `{\n${lines.join("\n")}\n}`;
}

/** The proto comments, then what a reader of the class needs without opening the proto. */
function docText(error: ErrorView): string {
  const retry = error.retryable ? `, retryable${error.retryDelayMs === undefined ? "" : ` after ${error.retryDelayMs} ms`}` : "";
  const summary = [
    `Message: "${error.template}"`,
    `Error ${error.number} · ${error.connectCode} · HTTP ${error.httpStatus}${retry} · reason ${error.reason} in ${error.domain}`,
  ].join("\n");
  const tail = [`@generated from enum value: ${error.declaration};`, ...(error.deprecated ? ["@deprecated"] : [])];
  return [error.docLines.join("\n"), summary, tail.join("\n")].filter((part) => part.length > 0).join("\n\n");
}

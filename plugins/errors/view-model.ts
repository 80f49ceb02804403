/**
 * The language-neutral view of one proto file's errors: everything an emitter
 * prints (names in every case style, the code by name and number, the
 * template split into text and parameters, doc lines, source lines) computed
 * once from the shared error model. Each language's emitter only picks names
 * and lays text out; none of them reads descriptors or options.
 */
import { type DescEnum, type DescEnumValue, type DescFile, isFieldSet } from "@bufbuild/protobuf";
import { FileOptionsSchema } from "@bufbuild/protobuf/wkt";
import { CODES, type ErrorEnum, type ErrorValue, readErrorEnum } from "../../core/model/error-model/error-model.js";
import { withoutDirectives } from "../../core/model/findings/directives.js";
import { getComments, getDeclarationString, type Schema } from "../protoplugin.js";

export interface ParamView {
  /** As written in the template: `user_id`. */
  snake: string;
  /** Metadata key and TypeScript property: `userId`. */
  camel: string;
  /** Go exported field: `UserID` (initialisms upper-cased as golint wants). */
  pascal: string;
}

/** One piece of a rendered message: literal text or a parameter. */
export type TemplatePart = { text: string } | { param: ParamView };

export interface ErrorView {
  protoName: string;
  /** `USER_NOT_FOUND` of `USERS_ERROR_USER_NOT_FOUND`: the PascalCase stem without "Error". */
  stem: string;
  /** The TypeScript and Python class name: `UserNotFoundError`. */
  className: string;
  domain: string;
  reason: string;
  codeNumber: number;
  /** `NOT_FOUND`, as gRPC spells it. */
  codeName: string;
  /** `NotFound`, as Connect's `Code` enum spells it. */
  connectCode: string;
  number: number;
  httpStatus: number;
  template: string;
  parts: TemplatePart[];
  params: ParamView[];
  retryable: boolean;
  retryDelayMs: number | undefined;
  /** Proto comments, one entry per line, without comment markers. */
  docLines: string[];
  /** `USERS_ERROR_USER_NOT_FOUND = 1`, for `@generated from` lines. */
  declaration: string;
  deprecated: boolean;
  /** `acme/users/v1/errors.proto:18` (line "?" when source info was stripped). */
  location: string;
}

export interface ErrorEnumView {
  /** `UsersError`. */
  name: string;
  fullName: string;
  domain: string;
  location: string;
  errors: ErrorView[];
}

export interface ErrorFileView {
  /** `acme/users/v1/errors.proto`. */
  protoFile: string;
  /** `acme.users.v1`. */
  protoPackage: string;
  /** The file's options as declared (go_package, java_package, ...). */
  goPackage: string;
  javaPackage: string;
  /** `php_namespace`; undefined when the option is not set ("" is a set, empty namespace). */
  phpNamespace: string | undefined;
  enums: ErrorEnumView[];
  /** The raw models, for the TypeScript emitter's descriptor-based helpers. */
  modeled: { desc: DescEnum; model: ErrorEnum }[];
}

/** The view of a file, or undefined when it declares no error values. */
export function errorFileView(schema: Schema<object>, file: DescFile): ErrorFileView | undefined {
  const modeled: { desc: DescEnum; model: ErrorEnum }[] = [];
  for (const desc of schema.typesInFile(file)) {
    if (desc.kind !== "enum") continue;
    const model = readErrorEnum(desc.proto, desc.typeName);
    if (model && model.errors.length > 0) modeled.push({ desc, model });
  }
  if (modeled.length === 0) return undefined;
  return {
    protoFile: file.proto.name,
    protoPackage: file.proto.package,
    goPackage: file.proto.options?.goPackage ?? "",
    javaPackage: file.proto.options?.javaPackage ?? "",
    phpNamespace: phpNamespaceOption(file),
    enums: modeled.map(({ desc, model }) => ({
      name: desc.name,
      fullName: model.fullName,
      domain: model.domain,
      location: locationOf(file, desc),
      errors: model.errors.map((error) => errorView(file, model, error, valueDesc(desc, error))),
    })),
    modeled,
  };
}

function errorView(file: DescFile, model: ErrorEnum, error: ErrorValue, desc: DescEnumValue): ErrorView {
  const params = error.params.map((p) => ({ snake: p.name, camel: p.key, pascal: goName(p.name) }));
  return {
    protoName: error.protoName,
    stem: error.className.replace(/Error$/, "") || error.className,
    className: error.className,
    domain: model.domain,
    reason: error.reason,
    codeNumber: error.code,
    codeName: upperCode(CODES[error.code]?.[0] ?? "Unknown"),
    connectCode: CODES[error.code]?.[0] ?? "Unknown",
    number: error.options.number,
    httpStatus: error.httpStatus,
    template: error.options.message,
    parts: templateParts(error.options.message, params),
    params,
    retryable: error.options.retryable,
    retryDelayMs: error.options.retryDelayMs,
    docLines: docLines(desc),
    declaration: getDeclarationString(desc),
    deprecated: desc.deprecated,
    location: locationOf(file, desc),
  };
}

/** Splits "user {user_id} not found" into text and parameters; unknown placeholders stay text. */
function templateParts(template: string, params: readonly ParamView[]): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{([^{}]*)\}/g)) {
    const param = params.find((p) => p.snake === match[1]);
    if (!param) continue;
    if (match.index > last) parts.push({ text: template.slice(last, match.index) });
    parts.push({ param });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}

/** Canceled -> CANCELLED: gRPC's spelling of the code names. */
function upperCode(connect: string): string {
  if (connect === "Canceled") return "CANCELLED";
  return connect.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();
}

const GO_INITIALISMS = new Set([
  "id",
  "url",
  "uri",
  "http",
  "https",
  "api",
  "ip",
  "json",
  "xml",
  "sql",
  "uuid",
  "sku",
  "dns",
  "tls",
  "ttl",
]);

/** `user_id` -> `UserID`, `card_last4` -> `CardLast4`. */
export function goName(snake: string): string {
  return snake
    .split("_")
    .filter((w) => w.length > 0)
    .map((w) => (GO_INITIALISMS.has(w) ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1)))
    .join("");
}

/** Leading then trailing comment, a blank line between them, without the space after `//`. */
function docLines(desc: DescEnumValue): string[] {
  const comments = getComments(desc);
  const paragraphs = [comments.leading, comments.trailing]
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
    .filter((c) => c.length > 0);
  return paragraphs.length === 0 ? [] : paragraphs.join("\n\n").split("\n");
}

function valueDesc(desc: DescEnum, error: ErrorValue): DescEnumValue {
  const value = desc.values[error.index];
  if (!value) throw new Error(`enum ${desc.typeName} has no value at index ${error.index}`);
  return value;
}

/** `file.proto:LINE` of an element, from the request's source info. */
export function locationOf(file: DescFile, desc: DescEnum | DescEnumValue): string {
  const path = getComments(desc).sourcePath.join(".");
  const loc = file.proto.sourceCodeInfo?.location.find((l) => l.path.join(".") === path);
  const line = loc?.span[0];
  return `${file.proto.name}:${line === undefined ? "?" : String(line + 1)}`;
}

/** `option php_namespace`, or undefined when unset (proto2 optional: "" set explicitly means no namespace). */
function phpNamespaceOption(file: DescFile): string | undefined {
  const options = file.proto.options;
  return options && isFieldSet(options, FileOptionsSchema.field.phpNamespace) ? options.phpNamespace : undefined;
}

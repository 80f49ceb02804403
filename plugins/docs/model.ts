/**
 * The view model of protoc-gen-protogov-docs: what every template receives,
 * and, with `format=json`, the plugin's output itself (for other tools). Every
 * property is always present (`null`, `""` or `[]` when there is nothing), so
 * templates compiled in Handlebars strict mode can test any of them.
 *
 * Text from the .proto files is raw here: `description` is the comment as
 * written (Markdown), names and values are plain strings. Templates escape:
 * the Markdown templates print comments as given, after generate.ts has escaped
 * HTML in them (escapeCommentHtml: `<` outside code), the HTML templates render
 * them with the `markdown` helper (raw HTML in comments is shown as text, only
 * http(s), mailto and relative links are kept) and print everything else with
 * `{{...}}`, which escapes. `link`/`href` values are relative to the page that
 * holds them, so the same element links differently from different pages.
 *
 * docs/docs-generator.md documents this model for template authors; keep both
 * in step.
 */

export const MODEL_VERSION = 1;

export type Layout = "package" | "file" | "single";
export type DocsFormat = "markdown" | "html" | "json";

export interface DocsModel {
  modelVersion: number;
  generator: { name: string; version: string };
  layout: Layout;
  /** Every documented package, sorted by name. */
  packages: PackageSummary[];
  pages: PageDoc[];
}

/** A package as the index lists it. */
export interface PackageSummary {
  name: string;
  /** First paragraph of the package comment. */
  summary: string;
  /** Page (relative to the output root) and anchor of the package. */
  page: string;
  anchor: string;
  services: { name: string; fullName: string; anchor: string; page: string; summary: string }[];
  files: string[];
  errorCount: number;
}

export interface PageDoc {
  /** Output path without extension, relative to the output root (`acme.users.v1`, `acme/users/v1/users`). */
  path: string;
  title: string;
  /** Prefix from this page back to the output root (`""` or `"../../"`). */
  root: string;
  sections: PackageSection[];
}

/** One package on a page (all of it, or with layout=file the part declared in one file). */
export interface PackageSection {
  name: string;
  anchor: string;
  /** The package comment (the comment on the `package` statement), Markdown. */
  description: string;
  files: string[];
  services: ServiceDoc[];
  messages: MessageDoc[];
  enums: EnumDoc[];
  extensions: FieldDoc[];
  errors: ErrorDoc[];
}

export interface ElementBase {
  name: string;
  fullName: string;
  /** The full name without the package (`User.Preferences`). */
  localName: string;
  anchor: string;
  description: string;
  /** First paragraph of `description`, on one line. */
  summary: string;
  deprecated: boolean;
  file: string;
  /** 1-based line of the declaration, or null without source info. */
  line: number | null;
  options: OptionDoc[];
}

export interface ServiceDoc extends ElementBase {
  methods: MethodDoc[];
}

export type StreamingKind = "unary" | "server_streaming" | "client_streaming" | "bidi_streaming";

export interface MethodDoc extends ElementBase {
  streaming: StreamingKind;
  request: TypeRef;
  response: TypeRef;
  /** `NO_SIDE_EFFECTS`, `IDEMPOTENT`, or null when not declared. */
  idempotency: string | null;
  http: HttpRoute[];
}

export interface HttpRoute {
  /** GET, POST, ..., or the custom verb. */
  method: string;
  path: string;
  /** The `body` of the rule, or null. */
  body: string | null;
}

export interface MessageDoc extends ElementBase {
  fields: FieldDoc[];
  /** Real oneofs (not proto3 `optional`), with their field names. */
  oneofs: { name: string; description: string; fields: string[] }[];
  messages: MessageDoc[];
  enums: EnumDoc[];
  extensions: FieldDoc[];
}

export interface FieldDoc extends ElementBase {
  number: number;
  jsonName: string;
  /** "", "optional", "repeated", "required" or "map". */
  label: string;
  /** The element type: of each item for repeated fields, of the values for maps. */
  type: TypeRef;
  /** Key and value types of a map field, else null. */
  mapKey: TypeRef | null;
  mapValue: TypeRef | null;
  oneof: string | null;
  /** Explicit default (proto2), as written, or null. */
  defaultValue: string | null;
  /** google.api.field_behavior values (REQUIRED, OUTPUT_ONLY, ...). */
  fieldBehavior: string[];
  /** For extensions: the extended message. */
  extendee: TypeRef | null;
}

export interface TypeRef {
  /** As shown: scalar name, or the type name relative to the referring package. */
  name: string;
  /** Fully qualified name (no leading dot); the scalar name for scalars. */
  fullName: string;
  kind: "scalar" | "message" | "enum";
  /** Relative link to the documented type, or null (scalars, undocumented imports, @exclude). */
  link: string | null;
}

export interface EnumDoc extends ElementBase {
  values: EnumValueDoc[];
  /** True for an error enum (its values are listed in the package's error catalog). */
  errorEnum: boolean;
}

export interface EnumValueDoc {
  name: string;
  number: number;
  anchor: string;
  description: string;
  deprecated: boolean;
  options: OptionDoc[];
  /** Link to the value's entry in the error catalog, or null. */
  errorLink: string | null;
}

/** One entry of a package's error catalog (from protogov.errors.v1 annotations). */
export interface ErrorDoc {
  reason: string;
  domain: string;
  anchor: string;
  /** The enum value (`acme.users.v1.UsersError.USERS_ERROR_USER_NOT_FOUND`) and its enum. */
  valueName: string;
  enumName: string;
  enumLink: string;
  number: number;
  /** gRPC code name (NOT_FOUND) and number. */
  code: string;
  codeNumber: number;
  httpStatus: number;
  message: string;
  params: string[];
  retryable: boolean;
  retryDelayMs: number | null;
  description: string;
  summary: string;
  deprecated: boolean;
}

/** A custom (extension) option, or a built-in one worth showing. */
export interface OptionDoc {
  /** `(google.api.resource)`, `json_name`, ... */
  name: string;
  /** The value as JSON text (strings quoted), or the enum value name. */
  value: string;
}

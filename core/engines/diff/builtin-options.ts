/**
 * Built-in options (fields of google.protobuf.*Options) compared by value.
 *
 * Default classification, by `options message.field` (overridable in config):
 * - breaking: file options that name or shape generated code consumers compile
 *   against: go_package, java_package, java_outer_classname,
 *   java_multiple_files, csharp_namespace, objc_class_prefix, php_namespace,
 *   php_class_prefix, php_metadata_namespace, ruby_package, swift_prefix,
 *   optimize_for (LITE_RUNTIME changes the base class), cc_enable_arenas,
 *   *_generic_services, java_string_check_utf8 (parsing starts rejecting
 *   data). buf's FILE category checks each of these; we agree.
 *   Also ctype and jstype (the generated field type), message_set_wire_format
 *   (wire format), no_standard_descriptor_accessor (a generated accessor
 *   disappears), idempotency_level (NO_SIDE_EFFECTS lets Connect and gRPC-web
 *   clients use GET; taking it away breaks them), weak, and edition
 *   `features` (presence, enum openness, encoding).
 * - feature: deprecated (see classification.ts).
 * - internal: packed (every conforming parser accepts both encodings of a
 *   repeated scalar, only the bytes on the wire change), lazy,
 *   unverified_lazy, debug_redact, retention, targets, edition_defaults,
 *   feature_support, allow_alias (constrains the definition, not consumers),
 *   java_generate_equals_and_hash (no effect since protobuf 2.x),
 *   extension-range declarations and verification.
 * A built-in option missing from the table (a newer descriptor.proto) is
 * breaking until classified, like unknown custom options.
 */
import type { DescField, DescMessage, JsonObject } from "@bufbuild/protobuf";
import { ScalarType, toJson } from "@bufbuild/protobuf";
import {
  EnumOptionsSchema,
  EnumValueOptionsSchema,
  ExtensionRangeOptionsSchema,
  FieldOptionsSchema,
  FileOptionsSchema,
  MessageOptionsSchema,
  MethodOptionsSchema,
  OneofOptionsSchema,
  ServiceOptionsSchema,
} from "@bufbuild/protobuf/wkt";
import type { Classification } from "./api-diff.js";

const SCHEMAS: Record<string, DescMessage> = Object.fromEntries(
  [
    FileOptionsSchema,
    MessageOptionsSchema,
    FieldOptionsSchema,
    OneofOptionsSchema,
    EnumOptionsSchema,
    EnumValueOptionsSchema,
    ServiceOptionsSchema,
    MethodOptionsSchema,
    ExtensionRangeOptionsSchema,
  ].map((s) => [s.typeName, s]),
);

const BREAKING_FILE_OPTIONS = [
  "java_package",
  "java_outer_classname",
  "java_multiple_files",
  "java_string_check_utf8",
  "optimize_for",
  "go_package",
  "cc_generic_services",
  "java_generic_services",
  "py_generic_services",
  "cc_enable_arenas",
  "objc_class_prefix",
  "csharp_namespace",
  "swift_prefix",
  "php_class_prefix",
  "php_namespace",
  "php_metadata_namespace",
  "ruby_package",
];

/**
 * The file options that decide where each language's generated code lives
 * (the detector's "packaging options"): their changes are reported as
 * PACKAGING_OPTION_* rather than OPTION_*.
 */
export const PACKAGING_OPTIONS: ReadonlySet<string> = new Set([
  "java_package",
  "java_outer_classname",
  "java_multiple_files",
  "go_package",
  "objc_class_prefix",
  "csharp_namespace",
  "swift_prefix",
  "php_class_prefix",
  "php_namespace",
  "php_metadata_namespace",
  "ruby_package",
]);

function table(): Record<string, Classification> {
  const t: Record<string, Classification> = {};
  const set = (message: string, fields: readonly string[], c: Classification) => {
    for (const f of fields) t[`google.protobuf.${message}.${f}`] = c;
  };
  set("FileOptions", BREAKING_FILE_OPTIONS, "breaking");
  set("FileOptions", ["java_generate_equals_and_hash"], "internal");
  set("MessageOptions", ["message_set_wire_format", "no_standard_descriptor_accessor"], "breaking");
  set("MessageOptions", ["deprecated_legacy_json_field_conflicts"], "internal");
  set("FieldOptions", ["ctype", "jstype", "weak"], "breaking");
  set(
    "FieldOptions",
    ["packed", "lazy", "unverified_lazy", "debug_redact", "retention", "targets", "edition_defaults", "feature_support"],
    "internal",
  );
  set("EnumOptions", ["allow_alias", "deprecated_legacy_json_field_conflicts"], "internal");
  set("EnumValueOptions", ["debug_redact", "feature_support"], "internal");
  set("MethodOptions", ["idempotency_level"], "breaking");
  set("ExtensionRangeOptions", ["declaration", "verification"], "internal");
  for (const m of Object.keys(SCHEMAS)) {
    t[`${m}.features`] = "breaking";
    t[`${m}.deprecated`] = "feature";
  }
  return t;
}

/** Default classification of each built-in option, by `google.protobuf.FieldOptions.packed`-style name. */
export const BUILTIN_OPTION_CLASSIFICATIONS: Readonly<Record<string, Classification>> = table();

/** The descriptor of a google.protobuf.*Options message. */
export function optionsSchema(typeName: string): DescMessage | undefined {
  return SCHEMAS[typeName];
}

/**
 * The built-in options of an options message, rendered as text per proto field
 * name. An option set to its default value counts as unset: `deprecated =
 * false` says nothing new, and buf's own checks read effective values too.
 */
export function builtinOptionValues(options: { $typeName: string } | undefined): Map<string, string> {
  const values = new Map<string, string>();
  if (!options || !hasBuiltinFields(options)) return values;
  const schema = SCHEMAS[options.$typeName];
  if (!schema) return values;
  // toJson without a registry leaves extensions (custom options, kept as unknown fields) out
  const json = toJson(schema, options as never, { useProtoFieldName: true }) as JsonObject;
  for (const [key, value] of Object.entries(json)) {
    if (key === "uninterpreted_option") continue;
    const text = typeof value === "string" ? value : JSON.stringify(value);
    const field = schema.fields.find((f) => f.name === key);
    // packed's effective default depends on syntax and edition: an explicit value is always news
    if (field && key !== "packed" && text === defaultText(field)) continue;
    values.set(key, text);
  }
  return values;
}

/**
 * Cheap pre-check before toJson: protobuf-es keeps only set proto2 fields (and
 * repeated ones, as arrays) as own properties. Most options messages hold only
 * custom options (unknown fields), and toJson on each of them dominated the
 * diff of large trees.
 */
function hasBuiltinFields(options: object): boolean {
  for (const [key, value] of Object.entries(options)) {
    if (key === "$typeName" || key === "$unknown") continue;
    if (!Array.isArray(value) || value.length > 0) return true;
  }
  return false;
}

function defaultText(field: DescField): string | undefined {
  switch (field.fieldKind) {
    case "scalar": {
      const d = field.getDefaultValue();
      if (d !== undefined) return String(d);
      return field.scalar === ScalarType.BOOL ? "false" : field.scalar === ScalarType.STRING ? "" : "0";
    }
    case "enum": {
      const d = field.getDefaultValue() ?? field.enum.values[0]?.number;
      return field.enum.values.find((v) => v.number === d)?.name;
    }
    default:
      return undefined;
  }
}

/** The field number of a built-in option, for its source position. */
export function builtinOptionNumber(optionsTypeName: string, protoFieldName: string): number | undefined {
  return SCHEMAS[optionsTypeName]?.fields.find((f) => f.name === protoFieldName)?.number;
}

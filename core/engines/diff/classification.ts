/**
 * What each kind of API change means for consumers. The table is data so the
 * README and `protogov diff --help` can print it; the diff engine reads the
 * default classification of every rule from here.
 *
 * Principles (the "why" of each row):
 * - breaking: a consumer that compiled or serialised against the old API can
 *   fail against the new one: generated code loses a symbol or changes type or
 *   location, bytes or JSON decode differently, a route or contract narrows.
 *   Removals of file, package, message, field, oneof, enum, value, service,
 *   method, extension; changes of field type, number, name, label
 *   (cardinality), oneof membership, json_name, default; method request or
 *   response type and streaming kind. Renames of messages, enums and services
 *   show as a removal plus an addition (their identity is the full name).
 *   A type moved to another file is breaking too: languages that generate one
 *   unit per file (C++, Python, Go with other go_package) import it from
 *   elsewhere; buf's FILE category agrees.
 * - feature: the API grows and old consumers keep working: every addition.
 *   Deprecation (added or removed) is a feature, not docs: semver.org's FAQ asks
 *   for a minor release that carries a deprecation before the major that removes
 *   it, and generated code gains (or loses) deprecation annotations that can
 *   fail builds with warnings-as-errors only by the consumer's own choice.
 * - docs: comments (leading and trailing) and error message texts whose
 *   template parameters do not change.
 * - internal: nothing a consumer can observe. Adding a reserved range or name
 *   (it only forbids reuse; the removal it follows is reported on its own),
 *   widening a reserved range, and imports.
 * Removing a reserved range or name is breaking: it allows a number or name
 * that old clients still use to be reused with another meaning.
 *
 * Options: built-in ones in ./builtin-options.ts, custom ones (google.api,
 * protogov.errors.v1, unknown) in ./custom-option-defaults.ts; the error
 * catalog in ./error-catalog.ts.
 */
import type { Classification } from "./api-diff.js";

export interface ChangeRule {
  classification: Classification;
  description: string;
}

const r = (classification: Classification, description: string): ChangeRule => ({ classification, description });

/** The rule id of the deprecate-before-remove policy's findings (accepted in `breaking.accept` like the others). */
export const DEPRECATE_BEFORE_REMOVE = "DEPRECATE_BEFORE_REMOVE";

export const CHANGE_RULES = {
  FILE_ADDED: r("feature", "a file is added"),
  FILE_REMOVED: r("breaking", "a file is removed"),
  FILE_PACKAGE_CHANGED: r("breaking", "the package of a file changes"),
  FILE_SYNTAX_CHANGED: r("breaking", "the syntax or edition of a file changes (presence and enum semantics change)"),
  FILE_IMPORT_ADDED: r("internal", "a file imports another file"),
  FILE_IMPORT_REMOVED: r("internal", "a file no longer imports another file"),
  PACKAGE_ADDED: r("feature", "the first file of a package is added"),
  PACKAGE_REMOVED: r("breaking", "the last file of a package is removed"),
  MESSAGE_ADDED: r("feature", "a message is added"),
  MESSAGE_REMOVED: r("breaking", "a message is removed (or renamed)"),
  MESSAGE_MOVED: r("breaking", "a message moves to another file"),
  FIELD_ADDED: r("feature", "a field is added"),
  REQUIRED_FIELD_ADDED: r("breaking", "a field marked `(google.api.field_behavior) = REQUIRED` is added: old callers never set it"),
  FIELD_REMOVED: r("breaking", "a field is removed"),
  FIELD_NAME_CHANGED: r("breaking", "a field keeps its number but changes its name (generated code, JSON, text format)"),
  FIELD_NUMBER_CHANGED: r("breaking", "a field keeps its name but changes its number (wire format)"),
  FIELD_TYPE_CHANGED: r("breaking", "the type of a field changes"),
  FIELD_LABEL_CHANGED: r("breaking", "the cardinality of a field changes (optional, repeated, required, map, implicit presence)"),
  FIELD_ONEOF_CHANGED: r("breaking", "a field moves into, out of or between oneofs"),
  FIELD_JSON_NAME_CHANGED: r("breaking", "the JSON name of a field changes"),
  FIELD_DEFAULT_CHANGED: r("breaking", "the default value of a proto2 field changes"),
  ONEOF_ADDED: r("feature", "a oneof is added"),
  ONEOF_REMOVED: r("breaking", "a oneof is removed"),
  ENUM_ADDED: r("feature", "an enum is added"),
  ENUM_REMOVED: r("breaking", "an enum is removed (or renamed)"),
  ENUM_MOVED: r("breaking", "an enum moves to another file"),
  ENUM_VALUE_ADDED: r("feature", "an enum value is added"),
  ENUM_VALUE_REMOVED: r("breaking", "an enum value is removed"),
  ENUM_VALUE_NAME_CHANGED: r("breaking", "an enum value keeps its number but changes its name (JSON, generated code)"),
  ENUM_VALUE_NUMBER_CHANGED: r("breaking", "an enum value keeps its name but changes its number (wire format)"),
  SERVICE_ADDED: r("feature", "a service is added"),
  SERVICE_REMOVED: r("breaking", "a service is removed (or renamed)"),
  SERVICE_MOVED: r("breaking", "a service moves to another file"),
  METHOD_ADDED: r("feature", "a method is added"),
  METHOD_REMOVED: r("breaking", "a method is removed (or renamed)"),
  METHOD_REQUEST_TYPE_CHANGED: r("breaking", "the request type of a method changes"),
  METHOD_RESPONSE_TYPE_CHANGED: r("breaking", "the response type of a method changes"),
  METHOD_STREAMING_CHANGED: r("breaking", "a method changes between unary, client, server and bidi streaming"),
  METHOD_PAGINATION_ADDED: r("breaking", "a method becomes paginated (AIP-158): generated clients return a pager instead of the response"),
  METHOD_PAGINATION_REMOVED: r("breaking", "a method stops being paginated (AIP-158): generated clients stop returning a pager"),
  METHOD_PAGINATION_CHANGED: r("breaking", "a paginated method pages over another repeated field"),
  LRO_RESPONSE_TYPE_CHANGED: r(
    "breaking",
    "the response_type of `google.longrunning.operation_info` changes: the typed LRO result changes",
  ),
  LRO_METADATA_TYPE_CHANGED: r("breaking", "the metadata_type of `google.longrunning.operation_info` changes"),
  EXTENSION_ADDED: r("feature", "an extension is added"),
  EXTENSION_REMOVED: r("breaking", "an extension is removed"),
  EXTENSION_MOVED: r("breaking", "an extension moves to another file"),
  EXTENSION_EXTENDEE_CHANGED: r("breaking", "an extension extends another message"),
  RESERVED_RANGE_ADDED: r("internal", "a reserved number range is added"),
  RESERVED_RANGE_REMOVED: r("breaking", "reserved numbers are released for reuse"),
  RESERVED_RANGE_WIDENED: r("internal", "a reserved range grows (every old number stays reserved)"),
  RESERVED_NAME_ADDED: r("internal", "a reserved name is added"),
  RESERVED_NAME_REMOVED: r("breaking", "a reserved name is released for reuse"),
  EXTENSION_RANGE_ADDED: r("feature", "an extension range is added to a message"),
  EXTENSION_RANGE_REMOVED: r("breaking", "an extension range of a message is removed or shrinks"),
  COMMENT_CHANGED: r("docs", "a leading or trailing comment is added, removed or changed"),
  DEPRECATION_ADDED: r("feature", "an element is marked deprecated (semver: deprecations ship in a minor release)"),
  DEPRECATION_REMOVED: r("feature", "an element is no longer deprecated"),
  PACKAGING_OPTION_ADDED: r(
    "breaking",
    "a packaging file option is set (go_package, java_package, csharp_namespace...): generated code moves",
  ),
  PACKAGING_OPTION_REMOVED: r("breaking", "a packaging file option is unset: generated code moves back to the default location"),
  PACKAGING_OPTION_CHANGED: r("breaking", "a packaging file option changes: consumers import generated code from elsewhere"),
  OPTION_ADDED: r("breaking", "an option is set; classification per option, see the option tables"),
  OPTION_REMOVED: r("breaking", "an option is unset; classification per option, see the option tables"),
  OPTION_CHANGED: r("breaking", "an option changes its value; classification per option, see the option tables"),
  ERROR_ADDED: r("feature", "an error reason is added to an error catalog"),
  ERROR_REMOVED: r("breaking", "an error reason is removed"),
  ERROR_REASON_CHANGED: r("breaking", "an error keeps its enum value but changes its reason"),
  ERROR_DOMAIN_CHANGED: r("breaking", "the domain of an error changes"),
  ERROR_CODE_CHANGED: r("breaking", "the effective code of an error changes"),
  ERROR_NUMBER_CHANGED: r("breaking", "the business number of an error changes"),
  ERROR_PARAMETERS_CHANGED: r("breaking", "the template parameters of an error change (constructor arguments, ErrorInfo.metadata keys)"),
  ERROR_HTTP_STATUS_CHANGED: r("breaking", "the effective HTTP status of an error changes (REST clients branch on it)"),
  ERROR_MESSAGE_CHANGED: r("docs", "the message text of an error changes, its parameters do not"),
  ERROR_RETRY_CHANGED: r("feature", "retryable or retry_delay_ms changes: client behaviour changes, no client breaks"),
} as const satisfies Record<string, ChangeRule>;

export type ChangeRuleId = keyof typeof CHANGE_RULES;

const RANK: Record<Classification, number> = { internal: 0, docs: 1, feature: 2, breaking: 3 };

/** The more severe of two classifications (breaking > feature > docs > internal). */
export function moreSevere(a: Classification, b: Classification): Classification {
  return RANK[a] >= RANK[b] ? a : b;
}

export const CLASSIFICATIONS: readonly Classification[] = ["breaking", "feature", "docs", "internal"];

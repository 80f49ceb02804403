/**
 * The diff corpus: one fixture per kind of change under
 * test/fixtures/diff/<case>/{before,after}/, and what protogov's diff must
 * report for it, exactly: rule, classification, element name and changelog
 * line, in order. `buf` says whether buf's FILE breaking rules judge the case
 * (built-in descriptor properties); for those, buf's verdict and ours must
 * agree. Custom options and the error catalog are invisible to buf.
 */
import type { Classification, DiffOptions, SemverBump } from "../../core/engines/diff/api-diff.js";

/** [rule, classification, name, message, accepted reason?] */
export type ExpectedChange = [string, Classification, string, string] | [string, Classification, string, string, string];

export interface DiffCase {
  /** Fixture directory under test/fixtures/diff/. */
  name: string;
  /** A second expectation on the same fixture gets its own label. */
  label?: string;
  buf: boolean;
  bump: SemverBump;
  options?: DiffOptions;
  changes: ExpectedChange[];
}

export const DIFF_CASES: DiffCase[] = [
  {
    name: "accepted_by_comment",
    buf: true,
    bump: "major",
    changes: [
      ["COMMENT_CHANGED", "docs", "acme.demo.v1.Thing", "A comment for message `acme.demo.v1.Thing` is added."],
      [
        "FIELD_REMOVED",
        "breaking",
        "acme.demo.v1.Thing.name",
        "An existing field `name` is removed from message `acme.demo.v1.Thing`.",
        "name was never populated",
      ],
      ["RESERVED_RANGE_ADDED", "internal", "acme.demo.v1.Thing", "A new reserved range `2` is added to message `acme.demo.v1.Thing`."],
    ],
  },
  {
    name: "beta_field_removed",
    buf: true,
    bump: "minor",
    changes: [
      [
        "FIELD_REMOVED",
        "breaking",
        "acme.demo.v1beta1.Thing.name",
        "An existing field `name` is removed from message `acme.demo.v1beta1.Thing`.",
      ],
    ],
  },
  {
    name: "custom_option_changed",
    buf: false,
    bump: "major",
    changes: [
      [
        "OPTION_CHANGED",
        "breaking",
        "acme.demo.v1.Thing.id",
        'The option `(acme.demo.v1.sensitivity)` of field `id` in message `acme.demo.v1.Thing` is changed from `"low"` to `"high"`.',
      ],
    ],
  },
  {
    name: "default_host_changed",
    buf: false,
    bump: "major",
    changes: [
      [
        "OPTION_CHANGED",
        "breaking",
        "acme.demo.v1.ThingService",
        'The option `(google.api.default_host)` of service `acme.demo.v1.ThingService` is changed from `"things.example.com"` to `"api.example.com"`.',
      ],
    ],
  },
  {
    name: "enum_added",
    buf: true,
    bump: "minor",
    changes: [["ENUM_ADDED", "feature", "acme.demo.v1.Color", "A new enum `acme.demo.v1.Color` is added."]],
  },
  {
    name: "enum_removed",
    buf: true,
    bump: "major",
    changes: [["ENUM_REMOVED", "breaking", "acme.demo.v1.Color", "An existing enum `acme.demo.v1.Color` is removed."]],
  },
  {
    name: "enum_reserved_removed",
    buf: true,
    bump: "major",
    changes: [
      [
        "RESERVED_RANGE_REMOVED",
        "breaking",
        "acme.demo.v1.Color",
        "An existing reserved range `5` is removed from enum `acme.demo.v1.Color`.",
      ],
      [
        "RESERVED_RANGE_REMOVED",
        "breaking",
        "acme.demo.v1.Color",
        "An existing reserved range `8 to 10` is removed from enum `acme.demo.v1.Color`.",
      ],
      [
        "RESERVED_NAME_REMOVED",
        "breaking",
        "acme.demo.v1.Color",
        "An existing reserved name `COLOR_GREEN` is removed from enum `acme.demo.v1.Color`.",
      ],
    ],
  },
  {
    name: "enum_value_added",
    buf: true,
    bump: "minor",
    changes: [
      ["ENUM_VALUE_ADDED", "feature", "acme.demo.v1.Color.COLOR_BLUE", "A new value `COLOR_BLUE` is added to enum `acme.demo.v1.Color`."],
    ],
  },
  {
    name: "enum_value_deprecated",
    buf: true,
    bump: "minor",
    changes: [
      [
        "DEPRECATION_ADDED",
        "feature",
        "acme.demo.v1.Color.COLOR_RED",
        "Value `COLOR_RED` in enum `acme.demo.v1.Color` is marked as deprecated.",
      ],
    ],
  },
  {
    name: "enum_value_number_changed",
    buf: true,
    bump: "major",
    changes: [
      [
        "ENUM_VALUE_NUMBER_CHANGED",
        "breaking",
        "acme.demo.v1.Color.COLOR_RED",
        "The number of value `COLOR_RED` in enum `acme.demo.v1.Color` is changed from `1` to `2`.",
      ],
    ],
  },
  {
    name: "enum_value_removed",
    buf: true,
    bump: "major",
    changes: [
      [
        "ENUM_VALUE_REMOVED",
        "breaking",
        "acme.demo.v1.Color.COLOR_BLUE",
        "An existing value `COLOR_BLUE` is removed from enum `acme.demo.v1.Color`.",
      ],
    ],
  },
  {
    name: "enum_value_renamed",
    buf: true,
    bump: "major",
    changes: [
      [
        "ENUM_VALUE_NAME_CHANGED",
        "breaking",
        "acme.demo.v1.Color.COLOR_RED",
        "The name of value `COLOR_RED` in enum `acme.demo.v1.Color` is changed from `COLOR_RED` to `COLOR_CRIMSON`.",
      ],
    ],
  },
  {
    name: "error_added",
    buf: false,
    bump: "minor",
    changes: [
      [
        "ENUM_VALUE_ADDED",
        "feature",
        "acme.demo.v1.ThingsError.THINGS_ERROR_THING_LOCKED",
        "A new value `THINGS_ERROR_THING_LOCKED` is added to enum `acme.demo.v1.ThingsError`.",
      ],
      [
        "ERROR_ADDED",
        "feature",
        "things.acme.example/THING_LOCKED",
        "A new error `THING_LOCKED` is added to domain `things.acme.example`.",
      ],
    ],
  },
  {
    name: "error_code_changed",
    buf: false,
    bump: "major",
    changes: [
      [
        "ERROR_CODE_CHANGED",
        "breaking",
        "things.acme.example/THING_NOT_FOUND",
        "The code of error `THING_NOT_FOUND` in domain `things.acme.example` is changed from `CODE_NOT_FOUND` to `CODE_INVALID_ARGUMENT`.",
      ],
    ],
  },
  {
    name: "error_default_code_changed",
    buf: false,
    bump: "major",
    changes: [
      [
        "ERROR_CODE_CHANGED",
        "breaking",
        "things.acme.example/THING_LOCKED",
        "The code of error `THING_LOCKED` in domain `things.acme.example` is changed from `CODE_FAILED_PRECONDITION` to `CODE_ABORTED`.",
      ],
    ],
  },
  {
    name: "error_domain_changed",
    buf: false,
    bump: "major",
    changes: [
      [
        "ERROR_DOMAIN_CHANGED",
        "breaking",
        "things.acme.example/THING_NOT_FOUND",
        "The domain of error `THING_NOT_FOUND` in domain `things.acme.example` is changed from `things.acme.example` to `catalog.acme.example`.",
      ],
    ],
  },
  {
    name: "error_http_status_changed",
    buf: false,
    bump: "major",
    changes: [
      [
        "ERROR_HTTP_STATUS_CHANGED",
        "breaking",
        "things.acme.example/THING_NOT_FOUND",
        "The HTTP status of error `THING_NOT_FOUND` in domain `things.acme.example` is changed from `404` to `410`.",
      ],
    ],
  },
  {
    name: "error_message_changed",
    buf: false,
    bump: "patch",
    changes: [
      [
        "ERROR_MESSAGE_CHANGED",
        "docs",
        "things.acme.example/THING_NOT_FOUND",
        "The message of error `THING_NOT_FOUND` in domain `things.acme.example` is changed from `thing {thing_id} not found` to `no thing with id {thing_id}`.",
      ],
    ],
  },
  {
    name: "error_number_changed",
    buf: false,
    bump: "major",
    changes: [
      [
        "ERROR_NUMBER_CHANGED",
        "breaking",
        "things.acme.example/THING_NOT_FOUND",
        "The number of error `THING_NOT_FOUND` in domain `things.acme.example` is changed from `20001` to `20011`.",
      ],
    ],
  },
  {
    name: "error_parameters_changed",
    buf: false,
    bump: "major",
    changes: [
      [
        "ERROR_PARAMETERS_CHANGED",
        "breaking",
        "things.acme.example/THING_NOT_FOUND",
        "The template parameters of error `THING_NOT_FOUND` in domain `things.acme.example` are changed from `{thing_id}` to `{thing_id}, {region}`.",
      ],
    ],
  },
  {
    name: "error_reason_changed",
    buf: false,
    bump: "major",
    changes: [
      [
        "ERROR_REASON_CHANGED",
        "breaking",
        "things.acme.example/THING_NOT_FOUND",
        "The reason of error `THING_NOT_FOUND` in domain `things.acme.example` is changed from `THING_NOT_FOUND` to `NO_SUCH_THING`.",
      ],
    ],
  },
  {
    name: "error_removed",
    buf: true,
    bump: "major",
    changes: [
      [
        "ENUM_VALUE_REMOVED",
        "breaking",
        "acme.demo.v1.ThingsError.THINGS_ERROR_THING_LOCKED",
        "An existing value `THINGS_ERROR_THING_LOCKED` is removed from enum `acme.demo.v1.ThingsError`.",
      ],
      [
        "RESERVED_RANGE_ADDED",
        "internal",
        "acme.demo.v1.ThingsError",
        "A new reserved range `2` is added to enum `acme.demo.v1.ThingsError`.",
      ],
      [
        "ERROR_REMOVED",
        "breaking",
        "things.acme.example/THING_LOCKED",
        "An existing error `THING_LOCKED` is removed from domain `things.acme.example`.",
      ],
    ],
  },
  {
    name: "error_retryable_changed",
    buf: false,
    bump: "minor",
    changes: [
      [
        "ERROR_RETRY_CHANGED",
        "feature",
        "things.acme.example/THING_LOCKED",
        "The retryable flag of error `THING_LOCKED` in domain `things.acme.example` is changed from `false` to `true`.",
      ],
    ],
  },
  {
    name: "extension_added",
    buf: true,
    bump: "minor",
    changes: [["EXTENSION_ADDED", "feature", "acme.demo.v1.color", "A new extension `acme.demo.v1.color` is added."]],
  },
  {
    name: "extension_range_added",
    buf: true,
    bump: "minor",
    changes: [
      [
        "EXTENSION_RANGE_ADDED",
        "feature",
        "acme.demo.v1.Thing",
        "A new extension range `500 to 599` is added to message `acme.demo.v1.Thing`.",
      ],
    ],
  },
  {
    name: "extension_range_removed",
    buf: true,
    bump: "major",
    changes: [
      [
        "EXTENSION_RANGE_REMOVED",
        "breaking",
        "acme.demo.v1.Thing",
        "An existing extension range `100 to 199` is removed from message `acme.demo.v1.Thing`.",
      ],
    ],
  },
  {
    name: "extension_removed",
    buf: true,
    bump: "major",
    changes: [["EXTENSION_REMOVED", "breaking", "acme.demo.v1.color", "An existing extension `acme.demo.v1.color` is removed."]],
  },
  {
    name: "field_added",
    buf: true,
    bump: "minor",
    changes: [["FIELD_ADDED", "feature", "acme.demo.v1.Thing.name", "A new field `name` is added to message `acme.demo.v1.Thing`."]],
  },
  {
    name: "field_behavior_optional_added",
    buf: false,
    bump: "patch",
    changes: [
      [
        "OPTION_ADDED",
        "docs",
        "acme.demo.v1.Thing.id",
        'An option `(google.api.field_behavior)` is added to field `id` in message `acme.demo.v1.Thing`: `["OPTIONAL"]`.',
      ],
    ],
  },
  {
    name: "field_behavior_required_added",
    buf: false,
    bump: "major",
    changes: [
      [
        "OPTION_ADDED",
        "breaking",
        "acme.demo.v1.Thing.id",
        'An option `(google.api.field_behavior)` is added to field `id` in message `acme.demo.v1.Thing`: `["REQUIRED"]`.',
      ],
    ],
  },
  {
    name: "field_behavior_required_removed",
    buf: false,
    bump: "minor",
    changes: [
      [
        "OPTION_REMOVED",
        "feature",
        "acme.demo.v1.Thing.id",
        "The option `(google.api.field_behavior)` is removed from field `id` in message `acme.demo.v1.Thing`.",
      ],
    ],
  },
  {
    // What `protogov format --write` changes in comments (line-end spaces, blank lines) is no API change.
    name: "comment_whitespace_only",
    buf: true,
    bump: "none",
    changes: [],
  },
  {
    name: "field_comment_added",
    buf: true,
    bump: "patch",
    changes: [["COMMENT_CHANGED", "docs", "acme.demo.v1.Thing.id", "A comment for field `id` in message `acme.demo.v1.Thing` is added."]],
  },
  {
    name: "field_default_changed",
    buf: true,
    bump: "major",
    changes: [
      [
        "FIELD_DEFAULT_CHANGED",
        "breaking",
        "acme.demo.v1.Thing.size",
        "The default value of field `size` in message `acme.demo.v1.Thing` is changed from `10` to `20`.",
      ],
    ],
  },
  {
    name: "field_deprecated",
    buf: true,
    bump: "minor",
    changes: [
      ["DEPRECATION_ADDED", "feature", "acme.demo.v1.Thing.id", "Field `id` in message `acme.demo.v1.Thing` is marked as deprecated."],
    ],
  },
  {
    name: "field_json_name_changed",
    buf: true,
    bump: "major",
    changes: [
      [
        "FIELD_JSON_NAME_CHANGED",
        "breaking",
        "acme.demo.v1.Thing.id",
        "The JSON name of field `id` in message `acme.demo.v1.Thing` is changed from `id` to `identifier`.",
      ],
    ],
  },
  {
    name: "field_jstype_changed",
    buf: true,
    bump: "major",
    changes: [
      [
        "OPTION_ADDED",
        "breaking",
        "acme.demo.v1.Thing.size",
        "An option `jstype` is added to field `size` in message `acme.demo.v1.Thing`: `JS_STRING`.",
      ],
    ],
  },
  {
    name: "field_label_changed",
    buf: true,
    bump: "major",
    changes: [
      [
        "FIELD_LABEL_CHANGED",
        "breaking",
        "acme.demo.v1.Thing.tag",
        "The cardinality of field `tag` in message `acme.demo.v1.Thing` is changed from `implicit` to `repeated`.",
      ],
    ],
  },
  {
    name: "field_map_value_changed",
    buf: true,
    bump: "major",
    changes: [
      [
        "FIELD_TYPE_CHANGED",
        "breaking",
        "acme.demo.v1.Thing.labels",
        "The type of field `labels` in message `acme.demo.v1.Thing` is changed from `map<string, string>` to `map<string, int64>`.",
      ],
    ],
  },
  {
    name: "field_number_changed",
    buf: true,
    bump: "major",
    changes: [
      [
        "FIELD_NUMBER_CHANGED",
        "breaking",
        "acme.demo.v1.Thing.name",
        "The number of field `name` in message `acme.demo.v1.Thing` is changed from `2` to `3`.",
      ],
    ],
  },
  {
    name: "field_oneof_changed",
    buf: true,
    bump: "major",
    changes: [
      [
        "FIELD_ONEOF_CHANGED",
        "breaking",
        "acme.demo.v1.Thing.name",
        "The oneof of field `name` in message `acme.demo.v1.Thing` is set to `label`.",
      ],
      ["ONEOF_ADDED", "feature", "acme.demo.v1.Thing.label", "A new oneof `label` is added to message `acme.demo.v1.Thing`."],
    ],
  },
  {
    name: "field_packed_changed",
    buf: true,
    bump: "none",
    changes: [
      [
        "OPTION_ADDED",
        "internal",
        "acme.demo.v1.Thing.sizes",
        "An option `packed` is added to field `sizes` in message `acme.demo.v1.Thing`: `false`.",
      ],
    ],
  },
  {
    name: "field_presence_changed",
    buf: true,
    bump: "major",
    changes: [
      [
        "FIELD_LABEL_CHANGED",
        "breaking",
        "acme.demo.v1.Thing.name",
        "The cardinality of field `name` in message `acme.demo.v1.Thing` is changed from `implicit` to `optional`.",
      ],
    ],
  },
  {
    name: "field_removed",
    buf: true,
    bump: "major",
    changes: [
      ["FIELD_REMOVED", "breaking", "acme.demo.v1.Thing.name", "An existing field `name` is removed from message `acme.demo.v1.Thing`."],
    ],
  },
  {
    name: "field_removed_and_reserved",
    buf: true,
    bump: "major",
    changes: [
      ["FIELD_REMOVED", "breaking", "acme.demo.v1.Thing.name", "An existing field `name` is removed from message `acme.demo.v1.Thing`."],
      ["RESERVED_RANGE_ADDED", "internal", "acme.demo.v1.Thing", "A new reserved range `2` is added to message `acme.demo.v1.Thing`."],
      ["RESERVED_NAME_ADDED", "internal", "acme.demo.v1.Thing", "A new reserved name `name` is added to message `acme.demo.v1.Thing`."],
    ],
  },
  {
    name: "field_renamed",
    buf: true,
    bump: "major",
    changes: [
      [
        "FIELD_NAME_CHANGED",
        "breaking",
        "acme.demo.v1.Thing.name",
        "The name of field `name` in message `acme.demo.v1.Thing` is changed from `name` to `title`.",
      ],
    ],
  },
  {
    name: "field_type_changed",
    buf: true,
    bump: "major",
    changes: [
      [
        "FIELD_TYPE_CHANGED",
        "breaking",
        "acme.demo.v1.Thing.active",
        "The type of field `active` in message `acme.demo.v1.Thing` is changed from `string` to `bool`.",
      ],
    ],
  },
  {
    name: "file_added",
    buf: true,
    bump: "minor",
    changes: [
      ["FILE_ADDED", "feature", "acme/demo/v1/extra.proto", "A new file `acme/demo/v1/extra.proto` is added."],
      ["MESSAGE_ADDED", "feature", "acme.demo.v1.Extra", "A new message `acme.demo.v1.Extra` is added."],
    ],
  },
  {
    name: "file_comment_changed",
    buf: true,
    bump: "patch",
    changes: [["COMMENT_CHANGED", "docs", "acme/demo/v1/demo.proto", "A comment for file `acme/demo/v1/demo.proto` is changed."]],
  },
  {
    name: "file_import_added",
    buf: true,
    bump: "none",
    changes: [
      [
        "FILE_IMPORT_ADDED",
        "internal",
        "acme/demo/v1/demo.proto",
        "File `acme/demo/v1/demo.proto` now imports `google/protobuf/empty.proto`.",
      ],
    ],
  },
  {
    name: "file_option_go_package",
    buf: true,
    bump: "major",
    changes: [
      [
        "PACKAGING_OPTION_CHANGED",
        "breaking",
        "acme/demo/v1/demo.proto",
        "The option `go_package` of file `acme/demo/v1/demo.proto` is changed from `example.com/acme/demo/v1;demov1` to `example.com/acme/demo/v1/demopb;demopb`.",
      ],
    ],
  },
  {
    name: "file_option_java_package_added",
    buf: true,
    bump: "major",
    changes: [
      [
        "PACKAGING_OPTION_ADDED",
        "breaking",
        "acme/demo/v1/demo.proto",
        "An option `java_package` is added to file `acme/demo/v1/demo.proto`: `com.acme.demo.v1`.",
      ],
    ],
  },
  {
    name: "file_package_changed",
    buf: true,
    bump: "major",
    changes: [
      [
        "FILE_PACKAGE_CHANGED",
        "breaking",
        "acme/demo/v1/demo.proto",
        "The package of file `acme/demo/v1/demo.proto` is changed from `acme.demo.v1` to `acme.demo.v2`.",
      ],
      ["PACKAGE_REMOVED", "breaking", "acme.demo.v1", "An existing package `acme.demo.v1` is removed."],
      ["PACKAGE_ADDED", "feature", "acme.demo.v2", "A new package `acme.demo.v2` is added."],
      ["MESSAGE_REMOVED", "breaking", "acme.demo.v1.Thing", "An existing message `acme.demo.v1.Thing` is removed."],
      ["MESSAGE_ADDED", "feature", "acme.demo.v2.Thing", "A new message `acme.demo.v2.Thing` is added."],
    ],
  },
  {
    name: "file_removed",
    buf: true,
    bump: "major",
    changes: [
      ["FILE_REMOVED", "breaking", "acme/demo/v1/extra.proto", "An existing file `acme/demo/v1/extra.proto` is removed."],
      ["MESSAGE_REMOVED", "breaking", "acme.demo.v1.Extra", "An existing message `acme.demo.v1.Extra` is removed."],
    ],
  },
  {
    name: "file_syntax_changed",
    buf: true,
    bump: "major",
    changes: [
      [
        "FILE_SYNTAX_CHANGED",
        "breaking",
        "acme/demo/v1/demo.proto",
        "The syntax of file `acme/demo/v1/demo.proto` is changed from `proto2` to `proto3`.",
      ],
    ],
  },
  {
    name: "http_binding_added",
    buf: false,
    bump: "minor",
    changes: [
      [
        "OPTION_CHANGED",
        "feature",
        "acme.demo.v1.ThingService.GetThing",
        'The option `(google.api.http)` of method `GetThing` in service `acme.demo.v1.ThingService` is changed from `{"get":"/v1/things/{id}"}` to `{"get":"/v1/things/{id}","additionalBindings":[{"get":"/v1/shelves/-/things/{id}"}]}`.',
      ],
    ],
  },
  {
    name: "http_option_added",
    buf: false,
    bump: "minor",
    changes: [
      [
        "FILE_IMPORT_ADDED",
        "internal",
        "acme/demo/v1/demo.proto",
        "File `acme/demo/v1/demo.proto` now imports `google/api/annotations.proto`.",
      ],
      [
        "OPTION_ADDED",
        "feature",
        "acme.demo.v1.ThingService.GetThing",
        'An option `(google.api.http)` is added to method `GetThing` in service `acme.demo.v1.ThingService`: `{"get":"/v1/things/{id}"}`.',
      ],
    ],
  },
  {
    name: "http_route_changed",
    buf: false,
    bump: "major",
    changes: [
      [
        "OPTION_CHANGED",
        "breaking",
        "acme.demo.v1.ThingService.GetThing",
        'The option `(google.api.http)` of method `GetThing` in service `acme.demo.v1.ThingService` is changed from `{"get":"/v1/things/{id}"}` to `{"get":"/v1/items/{id}"}`.',
      ],
    ],
  },
  {
    name: "http_verb_changed",
    buf: false,
    bump: "major",
    changes: [
      [
        "OPTION_CHANGED",
        "breaking",
        "acme.demo.v1.ThingService.GetThing",
        'The option `(google.api.http)` of method `GetThing` in service `acme.demo.v1.ThingService` is changed from `{"get":"/v1/things/{id}"}` to `{"post":"/v1/things/{id}","body":"*"}`.',
      ],
    ],
  },
  {
    name: "message_added",
    buf: true,
    bump: "minor",
    changes: [["MESSAGE_ADDED", "feature", "acme.demo.v1.Other", "A new message `acme.demo.v1.Other` is added."]],
  },
  {
    name: "message_comment_changed",
    buf: true,
    bump: "patch",
    changes: [["COMMENT_CHANGED", "docs", "acme.demo.v1.Thing", "A comment for message `acme.demo.v1.Thing` is changed."]],
  },
  {
    name: "message_deprecated",
    buf: true,
    bump: "minor",
    changes: [["DEPRECATION_ADDED", "feature", "acme.demo.v1.Thing", "Message `acme.demo.v1.Thing` is marked as deprecated."]],
  },
  {
    name: "message_moved",
    buf: true,
    bump: "major",
    changes: [
      ["FILE_ADDED", "feature", "acme/demo/v1/other.proto", "A new file `acme/demo/v1/other.proto` is added."],
      [
        "MESSAGE_MOVED",
        "breaking",
        "acme.demo.v1.Other",
        "Message `acme.demo.v1.Other` is moved from file `acme/demo/v1/demo.proto` to `acme/demo/v1/other.proto`.",
      ],
    ],
  },
  {
    name: "message_removed",
    buf: true,
    bump: "major",
    changes: [["MESSAGE_REMOVED", "breaking", "acme.demo.v1.Other", "An existing message `acme.demo.v1.Other` is removed."]],
  },
  {
    name: "message_renamed",
    buf: true,
    bump: "major",
    changes: [
      ["MESSAGE_REMOVED", "breaking", "acme.demo.v1.Thing", "An existing message `acme.demo.v1.Thing` is removed."],
      ["MESSAGE_ADDED", "feature", "acme.demo.v1.Item", "A new message `acme.demo.v1.Item` is added."],
    ],
  },
  {
    name: "method_added",
    buf: true,
    bump: "minor",
    changes: [
      [
        "METHOD_ADDED",
        "feature",
        "acme.demo.v1.ThingService.DeleteThing",
        "A new method `DeleteThing` is added to service `acme.demo.v1.ThingService`.",
      ],
    ],
  },
  {
    name: "method_comment_changed",
    buf: true,
    bump: "patch",
    changes: [
      [
        "COMMENT_CHANGED",
        "docs",
        "acme.demo.v1.ThingService.GetThing",
        "A comment for method `GetThing` in service `acme.demo.v1.ThingService` is changed.",
      ],
    ],
  },
  {
    name: "method_idempotency_changed",
    buf: true,
    bump: "major",
    changes: [
      [
        "OPTION_ADDED",
        "breaking",
        "acme.demo.v1.ThingService.GetThing",
        "An option `idempotency_level` is added to method `GetThing` in service `acme.demo.v1.ThingService`: `NO_SIDE_EFFECTS`.",
      ],
    ],
  },
  {
    name: "method_removed",
    buf: true,
    bump: "major",
    changes: [
      [
        "METHOD_REMOVED",
        "breaking",
        "acme.demo.v1.ThingService.DeleteThing",
        "An existing method `DeleteThing` is removed from service `acme.demo.v1.ThingService`.",
      ],
    ],
  },
  {
    name: "method_request_type_changed",
    buf: true,
    bump: "major",
    changes: [
      [
        "METHOD_REQUEST_TYPE_CHANGED",
        "breaking",
        "acme.demo.v1.ThingService.GetThing",
        "The request type of method `GetThing` in service `acme.demo.v1.ThingService` is changed from `acme.demo.v1.GetThingRequest` to `acme.demo.v1.Query`.",
      ],
    ],
  },
  {
    name: "method_signature_added",
    buf: false,
    bump: "minor",
    changes: [
      [
        "OPTION_ADDED",
        "feature",
        "acme.demo.v1.ThingService.GetThing",
        'An option `(google.api.method_signature)` is added to method `GetThing` in service `acme.demo.v1.ThingService`: `["id"]`.',
      ],
    ],
  },
  {
    name: "method_signature_removed",
    buf: false,
    bump: "major",
    changes: [
      [
        "OPTION_REMOVED",
        "breaking",
        "acme.demo.v1.ThingService.GetThing",
        "The option `(google.api.method_signature)` is removed from method `GetThing` in service `acme.demo.v1.ThingService`.",
      ],
    ],
  },
  {
    name: "method_streaming_changed",
    buf: true,
    bump: "major",
    changes: [
      [
        "METHOD_STREAMING_CHANGED",
        "breaking",
        "acme.demo.v1.ThingService.GetThing",
        "The streaming kind of method `GetThing` in service `acme.demo.v1.ThingService` is changed from `unary` to `server streaming`.",
      ],
    ],
  },
  {
    name: "nested_message_removed",
    buf: true,
    bump: "major",
    changes: [["MESSAGE_REMOVED", "breaking", "acme.demo.v1.Thing.Part", "An existing message `acme.demo.v1.Thing.Part` is removed."]],
  },
  {
    name: "no_change",
    buf: true,
    bump: "none",
    changes: [],
  },
  {
    name: "oauth_scopes_changed",
    buf: false,
    bump: "minor",
    changes: [
      [
        "OPTION_CHANGED",
        "feature",
        "acme.demo.v1.ThingService",
        'The option `(google.api.oauth_scopes)` of service `acme.demo.v1.ThingService` is changed from `"https://example.com/auth/things"` to `"https://example.com/auth/things,https://example.com/auth/admin"`.',
      ],
    ],
  },
  {
    name: "oneof_added",
    buf: true,
    bump: "minor",
    changes: [
      ["FIELD_ADDED", "feature", "acme.demo.v1.Thing.user", "A new field `user` is added to message `acme.demo.v1.Thing`."],
      ["FIELD_ADDED", "feature", "acme.demo.v1.Thing.team", "A new field `team` is added to message `acme.demo.v1.Thing`."],
      ["ONEOF_ADDED", "feature", "acme.demo.v1.Thing.owner", "A new oneof `owner` is added to message `acme.demo.v1.Thing`."],
    ],
  },
  {
    name: "oneof_removed",
    buf: true,
    bump: "major",
    changes: [
      ["FIELD_REMOVED", "breaking", "acme.demo.v1.Thing.user", "An existing field `user` is removed from message `acme.demo.v1.Thing`."],
      ["ONEOF_REMOVED", "breaking", "acme.demo.v1.Thing.owner", "An existing oneof `owner` is removed from message `acme.demo.v1.Thing`."],
      ["RESERVED_RANGE_ADDED", "internal", "acme.demo.v1.Thing", "A new reserved range `2` is added to message `acme.demo.v1.Thing`."],
    ],
  },
  {
    name: "package_added",
    buf: true,
    bump: "minor",
    changes: [
      ["FILE_ADDED", "feature", "acme/other/v1/other.proto", "A new file `acme/other/v1/other.proto` is added."],
      ["PACKAGE_ADDED", "feature", "acme.other.v1", "A new package `acme.other.v1` is added."],
      ["MESSAGE_ADDED", "feature", "acme.other.v1.Other", "A new message `acme.other.v1.Other` is added."],
    ],
  },
  {
    name: "package_removed",
    buf: true,
    bump: "major",
    changes: [
      ["FILE_REMOVED", "breaking", "acme/other/v1/other.proto", "An existing file `acme/other/v1/other.proto` is removed."],
      ["PACKAGE_REMOVED", "breaking", "acme.other.v1", "An existing package `acme.other.v1` is removed."],
      ["MESSAGE_REMOVED", "breaking", "acme.other.v1.Other", "An existing message `acme.other.v1.Other` is removed."],
    ],
  },
  {
    name: "reserved_name_removed",
    buf: true,
    bump: "major",
    changes: [
      [
        "RESERVED_NAME_REMOVED",
        "breaking",
        "acme.demo.v1.Thing",
        "An existing reserved name `name` is removed from message `acme.demo.v1.Thing`.",
      ],
    ],
  },
  {
    name: "reserved_range_added",
    buf: true,
    bump: "none",
    changes: [
      [
        "RESERVED_RANGE_ADDED",
        "internal",
        "acme.demo.v1.Thing",
        "A new reserved range `10 to 20` is added to message `acme.demo.v1.Thing`.",
      ],
    ],
  },
  {
    name: "reserved_range_removed",
    buf: true,
    bump: "major",
    changes: [
      [
        "RESERVED_RANGE_REMOVED",
        "breaking",
        "acme.demo.v1.Thing",
        "An existing reserved range `2` is removed from message `acme.demo.v1.Thing`.",
      ],
    ],
  },
  {
    name: "reserved_range_widened",
    buf: true,
    bump: "none",
    changes: [
      [
        "RESERVED_RANGE_WIDENED",
        "internal",
        "acme.demo.v1.Thing",
        "The reserved range `5` in message `acme.demo.v1.Thing` is widened to `5 to 9`.",
      ],
    ],
  },
  {
    name: "resource_pattern_added",
    buf: false,
    bump: "minor",
    changes: [
      [
        "OPTION_CHANGED",
        "feature",
        "acme.demo.v1.Thing",
        'The option `(google.api.resource)` of message `acme.demo.v1.Thing` is changed from `{"type":"library.example.com/Thing","pattern":["things/{thing}"]}` to `{"type":"library.example.com/Thing","pattern":["things/{thing}","shelves/{shelf}/things/{thing}"]}`.',
      ],
    ],
  },
  {
    name: "resource_pattern_changed",
    buf: false,
    bump: "major",
    changes: [
      [
        "OPTION_CHANGED",
        "breaking",
        "acme.demo.v1.Thing",
        'The option `(google.api.resource)` of message `acme.demo.v1.Thing` is changed from `{"type":"library.example.com/Thing","pattern":["things/{thing}"]}` to `{"type":"library.example.com/Thing","pattern":["shelves/{shelf}/things/{thing}"]}`.',
      ],
    ],
  },
  {
    name: "resource_reference_added",
    buf: false,
    bump: "minor",
    changes: [
      [
        "OPTION_ADDED",
        "feature",
        "acme.demo.v1.Thing.shelf",
        'An option `(google.api.resource_reference)` is added to field `shelf` in message `acme.demo.v1.Thing`: `{"type":"library.example.com/Shelf"}`.',
      ],
    ],
  },
  {
    name: "resource_reference_type_changed",
    buf: false,
    bump: "major",
    changes: [
      [
        "OPTION_CHANGED",
        "breaking",
        "acme.demo.v1.Thing.shelf",
        'The option `(google.api.resource_reference)` of field `shelf` in message `acme.demo.v1.Thing` is changed from `{"type":"library.example.com/Shelf"}` to `{"type":"library.example.com/Rack"}`.',
      ],
    ],
  },
  {
    name: "service_added",
    buf: true,
    bump: "minor",
    changes: [
      ["MESSAGE_ADDED", "feature", "acme.demo.v1.GetThingRequest", "A new message `acme.demo.v1.GetThingRequest` is added."],
      ["SERVICE_ADDED", "feature", "acme.demo.v1.ThingService", "A new service `acme.demo.v1.ThingService` is added."],
    ],
  },
  {
    name: "service_removed",
    buf: true,
    bump: "major",
    changes: [["SERVICE_REMOVED", "breaking", "acme.demo.v1.ThingService", "An existing service `acme.demo.v1.ThingService` is removed."]],
  },

  {
    name: "method_response_type_changed",
    buf: true,
    bump: "major",
    changes: [
      [
        "METHOD_RESPONSE_TYPE_CHANGED",
        "breaking",
        "acme.demo.v1.ThingService.GetThing",
        "The response type of method `GetThing` in service `acme.demo.v1.ThingService` is changed from `acme.demo.v1.Thing` to `acme.demo.v1.ThingView`.",
      ],
    ],
  },
  {
    name: "extension_extendee_changed",
    // buf 1.75's FILE rules do not compare extendees; the extension no longer applies where clients set it.
    buf: false,
    bump: "major",
    changes: [
      [
        "EXTENSION_EXTENDEE_CHANGED",
        "breaking",
        "acme.demo.v1.color",
        "The extendee of extension `acme.demo.v1.color` is changed from `acme.demo.v1.Thing` to `acme.demo.v1.Other`.",
      ],
    ],
  },
  {
    name: "enum_moved",
    buf: true,
    bump: "major",
    changes: [
      ["FILE_ADDED", "feature", "acme/demo/v1/color.proto", "A new file `acme/demo/v1/color.proto` is added."],
      [
        "ENUM_MOVED",
        "breaking",
        "acme.demo.v1.Color",
        "Enum `acme.demo.v1.Color` is moved from file `acme/demo/v1/demo.proto` to `acme/demo/v1/color.proto`.",
      ],
    ],
  },
  {
    name: "field_undeprecated",
    buf: true,
    bump: "minor",
    changes: [
      ["DEPRECATION_REMOVED", "feature", "acme.demo.v1.Thing.id", "Field `id` in message `acme.demo.v1.Thing` is no longer deprecated."],
    ],
  },
  {
    name: "file_import_removed",
    buf: true,
    bump: "none",
    changes: [
      [
        "FILE_IMPORT_REMOVED",
        "internal",
        "acme/demo/v1/demo.proto",
        "File `acme/demo/v1/demo.proto` no longer imports `google/protobuf/empty.proto`.",
      ],
    ],
  },
  {
    name: "custom_option_changed",
    label: "custom_option_changed (classified internal in config)",
    buf: false,
    bump: "none",
    options: { optionClassifications: { "acme.demo.v1.sensitivity": "internal" } },
    changes: [
      [
        "OPTION_CHANGED",
        "internal",
        "acme.demo.v1.Thing.id",
        'The option `(acme.demo.v1.sensitivity)` of field `id` in message `acme.demo.v1.Thing` is changed from `"low"` to `"high"`.',
      ],
    ],
  },
  {
    name: "field_removed",
    label: "field_removed (accepted in config)",
    buf: true,
    bump: "major",
    options: { accept: [{ rule: "FIELD_REMOVED", name: "acme.demo.v1.Thing.*", reason: "agreed with all consumers" }] },
    changes: [
      [
        "FIELD_REMOVED",
        "breaking",
        "acme.demo.v1.Thing.name",
        "An existing field `name` is removed from message `acme.demo.v1.Thing`.",
        "agreed with all consumers",
      ],
    ],
  },
  {
    name: "file_option_go_package",
    label: "file_option_go_package (classified internal in config)",
    buf: true,
    bump: "none",
    options: { optionClassifications: { "google.protobuf.FileOptions.go_package": "internal" } },
    changes: [
      [
        "PACKAGING_OPTION_CHANGED",
        "internal",
        "acme/demo/v1/demo.proto",
        "The option `go_package` of file `acme/demo/v1/demo.proto` is changed from `example.com/acme/demo/v1;demov1` to `example.com/acme/demo/v1/demopb;demopb`.",
      ],
    ],
  },
  {
    name: "field_behavior_output_only_added",
    buf: false,
    bump: "patch",
    changes: [
      [
        "OPTION_ADDED",
        "docs",
        "acme.demo.v1.Thing.id",
        'An option `(google.api.field_behavior)` is added to field `id` in message `acme.demo.v1.Thing`: `["OUTPUT_ONLY"]`.',
      ],
    ],
  },
  {
    name: "field_behavior_immutable_added",
    buf: false,
    bump: "major",
    changes: [
      [
        "OPTION_ADDED",
        "breaking",
        "acme.demo.v1.Thing.id",
        'An option `(google.api.field_behavior)` is added to field `id` in message `acme.demo.v1.Thing`: `["IMMUTABLE"]`.',
      ],
    ],
  },
  {
    name: "resource_plural_added",
    buf: false,
    bump: "patch",
    changes: [
      [
        "OPTION_CHANGED",
        "docs",
        "acme.demo.v1.Thing",
        'The option `(google.api.resource)` of message `acme.demo.v1.Thing` is changed from `{"type":"library.example.com/Thing","pattern":["things/{thing}"]}` to `{"type":"library.example.com/Thing","pattern":["things/{thing}"],"plural":"things","singular":"thing"}`.',
      ],
    ],
  },
  {
    name: "resource_pattern_reordered",
    buf: false,
    bump: "major",
    changes: [
      [
        "OPTION_CHANGED",
        "breaking",
        "acme.demo.v1.Thing",
        'The option `(google.api.resource)` of message `acme.demo.v1.Thing` is changed from `{"type":"library.example.com/Thing","pattern":["things/{thing}","shelves/{shelf}/things/{thing}"]}` to `{"type":"library.example.com/Thing","pattern":["shelves/{shelf}/things/{thing}","things/{thing}"]}`.',
      ],
    ],
  },
  {
    name: "resource_type_changed",
    buf: false,
    bump: "major",
    changes: [
      [
        "OPTION_CHANGED",
        "breaking",
        "acme.demo.v1.Thing",
        'The option `(google.api.resource)` of message `acme.demo.v1.Thing` is changed from `{"type":"library.example.com/Thing","pattern":["things/{thing}"]}` to `{"type":"library.example.com/Item","pattern":["things/{thing}"]}`.',
      ],
    ],
  },
  {
    name: "method_signature_reordered",
    buf: false,
    bump: "major",
    changes: [
      [
        "OPTION_CHANGED",
        "breaking",
        "acme.demo.v1.ThingService.GetThing",
        'The option `(google.api.method_signature)` of method `GetThing` in service `acme.demo.v1.ThingService` is changed from `["id","shelf,id"]` to `["shelf,id","id"]`.',
      ],
    ],
  },
  {
    name: "default_host_added",
    buf: false,
    bump: "minor",
    changes: [
      [
        "OPTION_ADDED",
        "feature",
        "acme.demo.v1.ThingService",
        'An option `(google.api.default_host)` is added to service `acme.demo.v1.ThingService`: `"things.example.com"`.',
      ],
    ],
  },
  {
    name: "oauth_scope_removed",
    buf: false,
    bump: "major",
    changes: [
      [
        "OPTION_CHANGED",
        "breaking",
        "acme.demo.v1.ThingService",
        'The option `(google.api.oauth_scopes)` of service `acme.demo.v1.ThingService` is changed from `"https://www.example.com/auth/things,https://www.example.com/auth/things.readonly"` to `"https://www.example.com/auth/things"`.',
      ],
    ],
  },
  {
    name: "http_response_body_changed",
    buf: false,
    bump: "major",
    changes: [
      [
        "OPTION_CHANGED",
        "breaking",
        "acme.demo.v1.ThingService.GetThing",
        'The option `(google.api.http)` of method `GetThing` in service `acme.demo.v1.ThingService` is changed from `{"get":"/v1/things/{id}"}` to `{"get":"/v1/things/{id}","responseBody":"id"}`.',
      ],
    ],
  },
  {
    name: "routing_added",
    buf: false,
    bump: "minor",
    changes: [
      [
        "OPTION_ADDED",
        "feature",
        "acme.demo.v1.ThingService.GetThing",
        'An option `(google.api.routing)` is added to method `GetThing` in service `acme.demo.v1.ThingService`: `{"routingParameters":[{"field":"shelf"}]}`.',
      ],
    ],
  },
  {
    name: "field_format_added",
    buf: false,
    bump: "minor",
    changes: [
      [
        "OPTION_ADDED",
        "feature",
        "acme.demo.v1.CreateThingRequest.request_id",
        'An option `(google.api.field_info)` is added to field `request_id` in message `acme.demo.v1.CreateThingRequest`: `{"format":"UUID4"}`.',
      ],
    ],
  },
  {
    name: "field_format_changed",
    buf: false,
    bump: "major",
    changes: [
      [
        "OPTION_CHANGED",
        "breaking",
        "acme.demo.v1.CreateThingRequest.request_id",
        'The option `(google.api.field_info)` of field `request_id` in message `acme.demo.v1.CreateThingRequest` is changed from `{"format":"UUID4"}` to `{"format":"IPV4"}`.',
      ],
    ],
  },
  {
    name: "resource_reference_removed",
    buf: false,
    bump: "major",
    changes: [
      [
        "OPTION_REMOVED",
        "breaking",
        "acme.demo.v1.ListThingsRequest.parent",
        "The option `(google.api.resource_reference)` is removed from field `parent` in message `acme.demo.v1.ListThingsRequest`.",
      ],
    ],
  },
  {
    name: "method_pagination_added",
    buf: false,
    bump: "major",
    changes: [
      [
        "FIELD_ADDED",
        "feature",
        "acme.demo.v1.ListThingsRequest.page_size",
        "A new field `page_size` is added to message `acme.demo.v1.ListThingsRequest`.",
      ],
      [
        "FIELD_ADDED",
        "feature",
        "acme.demo.v1.ListThingsRequest.page_token",
        "A new field `page_token` is added to message `acme.demo.v1.ListThingsRequest`.",
      ],
      [
        "FIELD_ADDED",
        "feature",
        "acme.demo.v1.ListThingsResponse.next_page_token",
        "A new field `next_page_token` is added to message `acme.demo.v1.ListThingsResponse`.",
      ],
      [
        "METHOD_PAGINATION_ADDED",
        "breaking",
        "acme.demo.v1.ThingService.ListThings",
        "The method `ListThings` in service `acme.demo.v1.ThingService` becomes paginated over `things` (AIP-158): generated clients return a pager.",
      ],
    ],
  },
  {
    name: "method_pagination_removed",
    buf: false,
    bump: "major",
    changes: [
      [
        "FIELD_REMOVED",
        "breaking",
        "acme.demo.v1.ListThingsResponse.next_page_token",
        "An existing field `next_page_token` is removed from message `acme.demo.v1.ListThingsResponse`.",
      ],
      [
        "METHOD_PAGINATION_REMOVED",
        "breaking",
        "acme.demo.v1.ThingService.ListThings",
        "The method `ListThings` in service `acme.demo.v1.ThingService` is no longer paginated (AIP-158): generated clients stop returning a pager.",
      ],
    ],
  },
  {
    name: "required_field_added",
    buf: false,
    bump: "major",
    changes: [
      [
        "REQUIRED_FIELD_ADDED",
        "breaking",
        "acme.demo.v1.CreateThingRequest.parent",
        "A new REQUIRED field `parent` is added to message `acme.demo.v1.CreateThingRequest`.",
      ],
    ],
  },
  {
    name: "file_option_csharp_namespace",
    buf: false,
    bump: "major",
    changes: [
      [
        "PACKAGING_OPTION_CHANGED",
        "breaking",
        "acme/demo/v1/demo.proto",
        "The option `csharp_namespace` of file `acme/demo/v1/demo.proto` is changed from `Acme.Demo.V1` to `Acme.Demo.Api.V1`.",
      ],
    ],
  },
  {
    name: "lro_response_type_changed",
    buf: false,
    bump: "major",
    changes: [
      [
        "LRO_RESPONSE_TYPE_CHANGED",
        "breaking",
        "acme.demo.v1.ThingService.CreateThing",
        "The long-running response type of method `CreateThing` in service `acme.demo.v1.ThingService` is changed from `Thing` to `Item`.",
      ],
    ],
  },
  {
    name: "lro_metadata_type_changed",
    buf: false,
    bump: "major",
    changes: [
      [
        "LRO_METADATA_TYPE_CHANGED",
        "breaking",
        "acme.demo.v1.ThingService.CreateThing",
        "The long-running metadata type of method `CreateThing` in service `acme.demo.v1.ThingService` is changed from `CreateThingMetadata` to `CreateItemMetadata`.",
      ],
    ],
  },
  {
    name: "method_pagination_changed",
    buf: false,
    bump: "major",
    changes: [
      [
        "FIELD_NAME_CHANGED",
        "breaking",
        "acme.demo.v1.ListThingsResponse.things",
        "The name of field `things` in message `acme.demo.v1.ListThingsResponse` is changed from `things` to `items`.",
      ],
      [
        "METHOD_PAGINATION_CHANGED",
        "breaking",
        "acme.demo.v1.ThingService.ListThings",
        "The paginated results of method `ListThings` in service `acme.demo.v1.ThingService` change from `things` to `items`.",
      ],
    ],
  },
  {
    name: "file_option_ruby_package_removed",
    buf: false,
    bump: "major",
    changes: [
      [
        "PACKAGING_OPTION_REMOVED",
        "breaking",
        "acme/demo/v1/demo.proto",
        "The option `ruby_package` is removed from file `acme/demo/v1/demo.proto`.",
      ],
    ],
  },
];

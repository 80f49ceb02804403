/**
 * What Google's proto-breaking-change-detector reports for each diff fixture
 * (its FindingCategory and ConventionalCommitTag, read from its comparators),
 * next to protogov's cases. The corpus test checks that protogov's most
 * severe tag on the fixture is the detector's, except where `differs` says
 * why protogov deliberately reports something else (the README's table).
 */
import type { CommitTag } from "../../core/engines/diff/commit-tags.js";

export interface DetectorVerdict {
  /** The detector's category, or "none" when it reports nothing. */
  category: string;
  tag: CommitTag | "none";
  /** protogov's tag and why, when it differs on purpose. */
  differs?: { tag: CommitTag; why: string };
}

const v = (category: string, tag: CommitTag | "none", differs?: DetectorVerdict["differs"]): DetectorVerdict =>
  differs ? { category, tag, differs } : { category, tag };

export const DETECTOR: Readonly<Record<string, DetectorVerdict>> = {
  enum_added: v("ENUM_ADDITION", "feat"),
  enum_removed: v("ENUM_REMOVAL", "fix!"),
  enum_value_added: v("ENUM_VALUE_ADDITION", "feat"),
  enum_value_removed: v("ENUM_VALUE_REMOVAL", "fix!"),
  enum_value_renamed: v("ENUM_VALUE_REMOVAL + ENUM_VALUE_ADDITION", "fix!"),
  enum_value_number_changed: v("ENUM_VALUE_NUMBER_CHANGE", "fix!"),
  field_added: v("FIELD_ADDITION", "feat"),
  field_removed: v("FIELD_REMOVAL", "fix!"),
  field_renamed: v("FIELD_NAME_CHANGE", "fix!"),
  field_type_changed: v("FIELD_TYPE_CHANGE", "fix!"),
  field_comment_added: v("FIELD_COMMENT_CHANGE", "docs"),
  field_deprecated: v("none", "none", { tag: "feat", why: "a deprecation ships in a minor release before the major that removes it" }),
  message_added: v("MESSAGE_ADDITION", "feat"),
  message_removed: v("MESSAGE_REMOVAL", "fix!"),
  message_moved: v("MESSAGE_MOVED_TO_ANOTHER_FILE", "fix!"),
  message_comment_changed: v("MESSAGE_COMMENT_CHANGE", "docs"),
  service_added: v("SERVICE_ADDITION", "feat"),
  service_removed: v("SERVICE_REMOVAL", "fix!"),
  method_added: v("METHOD_ADDITION", "feat"),
  method_removed: v("METHOD_REMOVAL", "fix!"),
  method_request_type_changed: v("METHOD_INPUT_TYPE_CHANGE", "fix!"),
  method_response_type_changed: v("METHOD_RESPONSE_TYPE_CHANGE", "fix!"),
  method_streaming_changed: v("METHOD_SERVER_STREAMING_CHANGE", "fix!"),
  method_comment_changed: v("METHOD_COMMENT_CHANGE", "docs"),
  method_pagination_added: v("METHOD_PAGINATED_RESPONSE_CHANGE", "fix!"),
  method_pagination_removed: v("METHOD_PAGINATED_RESPONSE_CHANGE", "fix!"),
  method_pagination_changed: v("METHOD_PAGINATED_RESPONSE_CHANGE", "fix!"),
  required_field_added: v("NEW_REQUIRED_FIELD", "feat!"),
  field_behavior_required_added: v("FIELD_BEHAVIOR_CHANGE", "fix!"),
  field_behavior_optional_added: v("none", "none", { tag: "docs", why: "documents existing behaviour; shows in generated docs" }),
  field_behavior_output_only_added: v("none", "none", { tag: "docs", why: "documents existing behaviour; shows in generated docs" }),
  field_behavior_immutable_added: v("none", "none", { tag: "fix!", why: "updates that set the field start failing" }),
  field_format_added: v("none", "none", { tag: "feat", why: "clients may start auto-populating UUID4 request ids" }),
  field_format_changed: v("FIELD_FORMAT_CHANGE", "fix!"),
  resource_reference_added: v("RESOURCE_REFERENCE_ADDITION", "feat"),
  resource_reference_removed: v("RESOURCE_REFERENCE_REMOVAL", "fix!"),
  resource_reference_type_changed: v("RESOURCE_REFERENCE_CHANGE", "fix!"),
  resource_pattern_added: v("RESOURCE_PATTERN_ADDITION", "feat"),
  resource_pattern_changed: v("RESOURCE_PATTERN_REMOVAL", "fix!"),
  resource_pattern_reordered: v("RESOURCE_PATTERN_REORDER", "fix!"),
  resource_type_changed: v("RESOURCE_DEFINITION_REMOVAL", "fix!"),
  resource_plural_added: v("none", "none", { tag: "docs", why: "names the resource in docs; no generated symbol changes" }),
  default_host_added: v("SERVICE_HOST_ADDITION", "feat"),
  default_host_changed: v("SERVICE_HOST_CHANGE", "fix!"),
  oauth_scopes_changed: v("OAUTH_SCOPE_ADDITION", "feat"),
  oauth_scope_removed: v("OAUTH_SCOPE_REMOVAL", "fix!"),
  http_option_added: v("HTTP_ANNOTATION_ADDITION", "feat"),
  http_route_changed: v("HTTP_ANNOTATION_CHANGE", "fix!"),
  http_verb_changed: v("HTTP_ANNOTATION_CHANGE", "fix!"),
  http_binding_added: v("none", "none", {
    tag: "feat",
    why: "an additional binding is a new REST route; the detector compares the primary one only",
  }),
  http_response_body_changed: v("none", "none", {
    tag: "fix!",
    why: "the REST response shape changes; the detector compares verb, template and body only",
  }),
  method_signature_added: v("METHOD_SIGNATURE_ADDITION", "feat"),
  method_signature_removed: v("METHOD_SIGNATURE_REMOVAL", "fix!"),
  method_signature_reordered: v("METHOD_SIGNATURE_ORDER_CHANGE", "fix!"),
  lro_response_type_changed: v("LRO_RESPONSE_CHANGE", "fix!"),
  lro_metadata_type_changed: v("LRO_METADATA_CHANGE", "fix!"),
  routing_added: v("none", "none", { tag: "feat", why: "clients start sending routing headers" }),
  file_option_go_package: v("PACKAGING_OPTION_REMOVAL + PACKAGING_OPTION_ADDITION", "fix!"),
  file_option_java_package_added: v("PACKAGING_OPTION_ADDITION", "fix!"),
  file_option_csharp_namespace: v("PACKAGING_OPTION_REMOVAL + PACKAGING_OPTION_ADDITION", "fix!"),
  file_option_ruby_package_removed: v("PACKAGING_OPTION_REMOVAL", "fix!"),
};

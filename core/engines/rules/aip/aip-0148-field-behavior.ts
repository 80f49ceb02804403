/** AIP-148: create_time, update_time, delete_time and uid of a resource are OUTPUT_ONLY (api-linter core::0148::field-behavior). */
import { fieldBehaviors } from "../../../model/descriptors/google-api-options.js";
import { defineFieldRule } from "./field-rules.js";
import { isResourceMessage } from "./resource-rules.js";

const OUTPUT_ONLY_FIELDS = new Set(["create_time", "delete_time", "uid", "update_time"]);

export default defineFieldRule({
  aip: 148,
  name: "field-behavior",
  description: "The standard fields `create_time`, `update_time`, `delete_time` and `uid` of a resource are `OUTPUT_ONLY`.",
  rationale: "The server sets these fields; marking them tells clients and declarative tools not to send or diff them.",
  lint: (f) =>
    isResourceMessage(f.parent) && OUTPUT_ONLY_FIELDS.has(f.proto.name) && !fieldBehaviors(f.proto.options).has("OUTPUT_ONLY")
      ? `The \`${f.proto.name}\` field should include \`(google.api.field_behavior) = OUTPUT_ONLY\`.`
      : undefined,
});

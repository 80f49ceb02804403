/** AIP-134: `update_mask` is OPTIONAL (api-linter core::0134::update-mask-optional-behavior). */
import { fieldBehaviors } from "../../../model/descriptors/google-api-options.js";
import { defineMessageRule } from "./message-rules.js";
import { isRequestMessage } from "./request-fields.js";

/** FieldDescriptorProto.options, google.api.field_behavior. */
const FIELD_BEHAVIOR_OPTION = [8, 1052];

export default defineMessageRule({
  aip: 134,
  name: "update-mask-optional-behavior",
  description: "The `update_mask` field of Update requests is `(google.api.field_behavior) = OPTIONAL`.",
  rationale: "An absent mask means a full update (AIP-134), so the field is optional by definition.",
  only: (m) => isRequestMessage("Update", m),
  lint: (c) => {
    const f = c.field("update_mask");
    if (f && !fieldBehaviors(f.proto.options).has("OPTIONAL"))
      c.problem(f.element, "Standard Update field `update_mask` must have `OPTIONAL` behavior", FIELD_BEHAVIOR_OPTION);
  },
});

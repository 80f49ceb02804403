/** AIP-203: UNORDERED_LIST is only on repeated fields (api-linter core::0203::unordered-list-repeated). */
import { fieldBehaviors } from "../../../model/descriptors/google-api-options.js";
import { defineFieldRule } from "./field-rules.js";
import { isRepeated } from "./message-rules.js";

export default defineFieldRule({
  aip: 203,
  name: "unordered-list-repeated",
  description: "`(google.api.field_behavior) = UNORDERED_LIST` is only set on repeated fields.",
  rationale: "An unordered list is a property of a list; on a singular field it means nothing and misleads clients.",
  lint: (f) =>
    fieldBehaviors(f.proto.options).has("UNORDERED_LIST") && !isRepeated(f.proto)
      ? "The UNORDERED_LIST `google.api.field_behavior` annotation must not be applied to non-repeated fields."
      : undefined,
});

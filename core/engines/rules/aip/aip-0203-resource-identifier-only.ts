/** AIP-203: IDENTIFIER is only on a resource's name field (api-linter core::0203::resource-identifier-only). */
import { fieldBehaviors, resource } from "../../../model/descriptors/google-api-options.js";
import { defineFieldRule } from "./field-rules.js";
import { nameField } from "./resource-rules.js";

export default defineFieldRule({
  aip: 203,
  name: "resource-identifier-only",
  description: "`(google.api.field_behavior) = IDENTIFIER` is only set on the name field of a resource.",
  rationale: "IDENTIFIER marks the field that names the resource; anywhere else it tells clients the wrong field is the name.",
  lint: (f) => {
    if (!fieldBehaviors(f.proto.options).has("IDENTIFIER")) return undefined;
    const r = resource(f.parent.options);
    if (r && r.type !== "" && f.proto.name === nameField(r)) return undefined;
    return "The IDENTIFIER `google.api.field_behavior` annotation must only be applied to a resource's name field.";
  },
});

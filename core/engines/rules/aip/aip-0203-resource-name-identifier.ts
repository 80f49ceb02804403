/** AIP-203: a resource's name field is marked IDENTIFIER (api-linter core::0203::resource-name-identifier). */
import { fieldBehaviors } from "../../../model/descriptors/google-api-options.js";
import { defineResourceRule, nameField } from "./resource-rules.js";

/** FieldDescriptorProto.options, google.api.field_behavior: where api-linter points. */
const FIELD_BEHAVIOR_OPTION = [8, 1052];

export default defineResourceRule({
  aip: 203,
  name: "resource-name-identifier",
  description: "The name field of a resource has `(google.api.field_behavior) = IDENTIFIER`.",
  rationale: "IDENTIFIER tells clients and declarative tools that the name is set by the path, neither required input nor output only.",
  typed: true,
  lint: (c, r) => {
    const f = c.field(nameField(r));
    if (f && !fieldBehaviors(f.proto.options).has("IDENTIFIER"))
      c.problem(f.element, "resource name field must have field_behavior IDENTIFIER", FIELD_BEHAVIOR_OPTION);
  },
});

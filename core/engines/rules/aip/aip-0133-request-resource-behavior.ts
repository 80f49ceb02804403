/** AIP-133: the resource field of a Create request is REQUIRED (api-linter core::0133::request-resource-behavior). */
import { fieldBehaviors } from "../../../model/descriptors/google-api-options.js";
import { createdResourceName } from "./aip-0133-request-unknown-fields.js";
import { defineMessageRule } from "./message-rules.js";
import { isRequestMessage } from "./request-fields.js";

export default defineMessageRule({
  aip: 133,
  name: "request-resource-behavior",
  description: "The resource field of a Create request is `(google.api.field_behavior) = REQUIRED`.",
  rationale: "Client libraries make REQUIRED fields positional arguments and validate them before sending.",
  needsTypes: true,
  only: (m) => isRequestMessage("Create", m),
  lint: (c) => {
    const resource = createdResourceName(c);
    for (const [i, f] of c.proto.field.entries()) {
      if (f.typeName === "" || c.types.message(f.typeName)?.proto.name !== resource || fieldBehaviors(f.options).has("REQUIRED")) continue;
      const at = c.fieldAt(i);
      if (at) c.problem(at.element, `The \`${f.name}\` field should include \`(google.api.field_behavior) = REQUIRED\`.`, []);
    }
  },
});

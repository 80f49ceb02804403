/** AIP-131: the resource_reference of a Get request's `name` is a direct `type` (api-linter core::0131::request-name-reference-type). */
import { resourceReference } from "../../../model/descriptors/google-api-options.js";
import { defineMessageRule } from "./message-rules.js";
import { isRequestMessage } from "./request-fields.js";

export default defineMessageRule({
  aip: 131,
  name: "request-name-reference-type",
  description: "The `google.api.resource_reference` of a Get request's `name` field names the resource's `type` (not `child_type`).",
  rationale: "A Get names one resource; `child_type` says the field names a parent of it.",
  only: (m) => isRequestMessage("Get", m),
  lint: (c) => {
    const f = c.field("name");
    const ref = f && resourceReference(f.proto.options);
    if (f && ref && ref.type === "")
      c.problem(f.element, "The `name` field `google.api.resource_reference` annotation should be a direct `type` reference.", []);
  },
});

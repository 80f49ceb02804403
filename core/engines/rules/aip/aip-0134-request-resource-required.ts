/** AIP-134: `UpdateBookRequest` has a `Book` field (api-linter core::0134::request-resource-required). */
import { defineMessageRule } from "./message-rules.js";
import { isRequestMessage } from "./request-fields.js";

export default defineMessageRule({
  aip: 134,
  name: "request-resource-required",
  description: "Update requests have a field of the resource's type (`UpdateBookRequest` has a `Book`).",
  rationale: "An update sends the resource; clients build it from the resource type.",
  needsTypes: true,
  only: (m) => isRequestMessage("Update", m),
  lint: (c) => {
    const resource = c.proto.name.slice(6, -7);
    if (!c.proto.field.some((f) => f.typeName !== "" && c.types.message(f.typeName)?.proto.name === resource))
      c.problem(c.message, `Message "${c.proto.name}" has no "${resource}" type field`, []);
  },
});

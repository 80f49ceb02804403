/** AIP-134: the `Book` field of `UpdateBookRequest` is named `book` (api-linter core::0134::request-resource-field). */
import { defineMessageRule } from "./message-rules.js";
import { isRequestMessage } from "./request-fields.js";
import { snakeCase } from "./strcase.js";

export default defineMessageRule({
  aip: 134,
  name: "request-resource-field",
  description: "The resource field of an Update request is named after the resource (`Book book`).",
  rationale: 'Standard names let clients, gateways (`body: "book"`) and tools find the resource without special cases.',
  needsTypes: true,
  only: (m) => isRequestMessage("Update", m),
  lint: (c) => {
    const resource = c.proto.name.slice(6, -7);
    const want = snakeCase(resource);
    for (const [i, f] of c.proto.field.entries()) {
      if (f.typeName === "" || c.types.message(f.typeName)?.proto.name !== resource || f.name === want) continue;
      const at = c.fieldAt(i);
      if (at) c.problem(at.element, `Resource field should be named "${want}".`);
    }
  },
});

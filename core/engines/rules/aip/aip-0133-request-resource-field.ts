/** AIP-133: `CreateBookRequest` has a `Book book` field (api-linter core::0133::request-resource-field). */
import { createdResourceName } from "./aip-0133-request-unknown-fields.js";
import { defineMessageRule } from "./message-rules.js";
import { isRequestMessage } from "./request-fields.js";
import { snakeCase } from "./strcase.js";

export default defineMessageRule({
  aip: 133,
  name: "request-resource-field",
  description: "Create requests have a field of the resource's type, named after it (`Book book`).",
  rationale: 'A create sends the resource; standard names let gateways (`body: "book"`) and tools find it.',
  needsTypes: true,
  only: (m) => isRequestMessage("Create", m),
  lint: (c) => {
    const resource = createdResourceName(c);
    const i = c.proto.field.findIndex((f) => f.typeName !== "" && c.types.message(f.typeName)?.proto.name === resource);
    const at = c.fieldAt(i);
    if (!at) c.problem(c.message, `Message "${c.proto.name}" has no "${resource}" type field`, []);
    else if (at.proto.name !== snakeCase(resource)) c.problem(at.element, `Resource field should be named "${snakeCase(resource)}".`);
  },
});

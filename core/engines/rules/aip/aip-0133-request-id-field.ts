/** AIP-133: `CreateBookRequest` has a singular `string book_id` (api-linter core::0133::request-id-field). */
import { defineMessageRule, FieldType, isRepeated } from "./message-rules.js";
import { isRequestMessage } from "./request-fields.js";
import { snakeCase } from "./strcase.js";

export default defineMessageRule({
  aip: 133,
  name: "request-id-field",
  description: "Create requests have a singular `string <resource>_id` field (`CreateBookRequest` has `book_id`).",
  rationale: "User-chosen IDs make creation idempotent and names predictable (AIP-133, AIP-122).",
  only: (m) => isRequestMessage("Create", m),
  lint: (c) => {
    const idField = `${snakeCase(c.proto.name.replace(/Request$/, "").replace(/^Create/, ""))}_id`;
    const f = c.field(idField);
    if (!f || f.proto.type !== FieldType.string || isRepeated(f.proto))
      c.problem(c.message, `create methods should contain a singular \`string ${idField}\` field.`, []);
  },
});

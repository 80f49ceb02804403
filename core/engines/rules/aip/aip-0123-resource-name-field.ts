/** AIP-123: resources have a singular string name field (api-linter core::0123::resource-name-field). */
import { FieldType, lintSingularField } from "./message-rules.js";
import { defineResourceRule, nameField } from "./resource-rules.js";

export default defineResourceRule({
  aip: 123,
  name: "resource-name-field",
  description: "Resources have their name field (`name`, or `name_field`), a singular string.",
  rationale: "Every resource is addressed by its name; clients and tooling find it in this field.",
  typed: true,
  lint: (c, r) => lintSingularField(c, nameField(r), FieldType.string, "string", false),
});

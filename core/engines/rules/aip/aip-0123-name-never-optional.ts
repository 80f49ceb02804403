/** AIP-123: a resource's name field is never `optional` (api-linter core::0123::name-never-optional). */
import { defineResourceRule, hasOptionalKeyword, nameField } from "./resource-rules.js";

/** FieldDescriptorProto.label: where api-linter points (the `optional` keyword). */
const LABEL = 4;

export default defineResourceRule({
  aip: 123,
  name: "name-never-optional",
  description: "The resource name field of a resource is not marked `optional`.",
  rationale: "A resource always has a name; optional presence suggests otherwise and changes generated code.",
  typed: true,
  lint: (c, r) => {
    const f = c.field(nameField(r));
    if (f && hasOptionalKeyword(c.file, f.proto))
      c.problem(f.element, "Resource name fields must never be labeled with proto3_optional", [LABEL]);
  },
});

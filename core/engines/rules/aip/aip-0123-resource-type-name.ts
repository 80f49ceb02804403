/** AIP-123: resource types are `{Service Name}/{UpperCamelCase Type}` (api-linter core::0123::resource-type-name). */
import { defineResourceRule, RESOURCE_OPTION, resourceTypeName } from "./resource-rules.js";
import { upperCamelCase } from "./strcase.js";

export default defineResourceRule({
  aip: 123,
  name: "resource-type-name",
  description: "Resource types have the form `{Service Name}/{Type}`, the type in UpperCamelCase.",
  rationale: "Resource references across APIs resolve by this type string; a malformed one matches nothing.",
  lint: (c, r) => {
    const typeName = resourceTypeName(r.type);
    if (typeName === undefined) c.problem(c.message, "Resource type names must be of the form {Service Name}/{Type}.", RESOURCE_OPTION);
    else if (upperCamelCase(typeName) !== typeName)
      c.problem(c.message, `Type must be UpperCamelCase with alphanumeric characters: "${upperCamelCase(typeName)}"`, RESOURCE_OPTION);
  },
});

/** AIP-123: resources declare `singular`, the lowerCamelCase of their type name (api-linter core::0123::resource-singular). */
import { defineResourceRule, RESOURCE_OPTION, resourceTypeName } from "./resource-rules.js";
import { lowerCamelCase } from "./strcase.js";

export default defineResourceRule({
  aip: 123,
  name: "resource-singular",
  description: "Resources declare `singular`, the lowerCamelCase of the type's name (`Book` is `book`).",
  rationale: "Client libraries name methods and variables after the singular; guessing it from the type goes wrong for compound names.",
  lint: (c, r) => {
    const typeName = resourceTypeName(r.type);
    const want = lowerCamelCase(typeName ?? "");
    if (r.singular === "") c.problem(c.message, `Resources should declare singular: "${want}"`, RESOURCE_OPTION);
    else if (typeName === undefined || want !== r.singular)
      c.problem(c.message, `Resource singular should be lower camel case of type: "${want}"`, RESOURCE_OPTION);
  },
});

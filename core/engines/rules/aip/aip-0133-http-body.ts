/** AIP-133: Create methods send the resource field as the HTTP body (api-linter core::0133::http-body). */
import { defineMethodRule } from "./method-rules.js";
import { resourceMessageName } from "./resources.js";
import { isStandardMethod } from "./standard-methods.js";

export default defineMethodRule({
  aip: 133,
  name: "http-body",
  description: 'Create methods have an HTTP body, the request\'s resource field (`body: "book"`).',
  rationale: "The resource is what a Create sends; the other request fields belong in the URI and the query.",
  only: (m) => isStandardMethod("Create", m),
  lint: (m) => {
    const resourceName = resourceMessageName(m, "Create");
    let field = resourceName.toLowerCase();
    for (const f of m.input.proto.field) {
      // The last field whose message type is the resource names it (api-linter loops over all fields).
      if (f.typeName && m.types.message(f.typeName)?.proto.name === resourceName) field = f.name;
    }
    for (const rule of m.http) {
      if (rule.body === "") return { message: "Post methods should have an HTTP body.", at: "http" };
      if (field !== "" && rule.body !== field)
        return {
          message: `The content of body "${rule.body}" must map to the resource field "${field}" in the request message`,
          at: "http",
        };
    }
    return undefined;
  },
});

/** AIP-123: resources declare name patterns, with camelCase constant segments and no spaces (api-linter core::0123::resource-pattern). */
import { defineResourceRule, RESOURCE_OPTION } from "./resource-rules.js";

const VARIABLE = /\{([^}=]+)}/g;

export default defineResourceRule({
  aip: 123,
  name: "resource-pattern",
  description: "Resources declare `pattern`s whose constant segments are camelCase, without spaces.",
  rationale: "Resource name patterns drive the name helpers of every client library; snake_case or spaces break their parsing.",
  lint: (c, r) => {
    if (r.pattern.length === 0) {
      c.problem(c.message, "Resources should declare resource name pattern(s).", RESOURCE_OPTION);
      return;
    }
    for (const pattern of r.pattern) {
      const plain = pattern.replace(VARIABLE, "*");
      if (plain.includes("_") || plain.includes(" ")) {
        c.problem(c.message, "Resource patterns should use camel case (apart from the variable names), and no spaces.", RESOURCE_OPTION);
        return;
      }
    }
  },
});

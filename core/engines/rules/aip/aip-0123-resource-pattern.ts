/** AIP-123: resources declare name patterns, with camelCase constant segments and no spaces (api-linter core::0123::resource-pattern). */

import { patternProblem } from "./resource-patterns.js";
import { defineResourceRule, RESOURCE_OPTION } from "./resource-rules.js";

export default defineResourceRule({
  aip: 123,
  name: "resource-pattern",
  description: "Resources declare `pattern`s whose constant segments are camelCase, without spaces.",
  rationale: "Resource name patterns drive the name helpers of every client library; snake_case or spaces break their parsing.",
  lint: (c, r) => {
    const problem = patternProblem(r);
    if (problem) c.problem(c.message, problem, RESOURCE_OPTION);
  },
});

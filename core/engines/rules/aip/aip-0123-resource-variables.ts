/** AIP-123: pattern variables are snake_case, without `_id` (api-linter core::0123::resource-variables). */

import { variablesProblem } from "./resource-patterns.js";
import { defineResourceRule, RESOURCE_OPTION } from "./resource-rules.js";

export default defineResourceRule({
  aip: 123,
  name: "resource-variables",
  description: "Variables in resource patterns are snake_case and do not end in `_id` (`{book}`, not `{bookId}` or `{book_id}`).",
  rationale: "Variables name the resource's ID segment after the resource's singular; client libraries derive parameter names from them.",
  lint: (c, r) => {
    const problem = variablesProblem(r);
    if (problem) c.problem(c.message, problem, RESOURCE_OPTION);
  },
});

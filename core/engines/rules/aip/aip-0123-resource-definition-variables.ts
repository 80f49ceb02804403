/** AIP-123: resource definitions' pattern variables are snake_case, without `_id` (api-linter core::0123::resource-definition-variables). */
import { defineResourceDefinitionRule } from "./resource-definition-rules.js";
import { variablesProblem } from "./resource-patterns.js";

export default defineResourceDefinitionRule({
  name: "resource-definition-variables",
  description: "Variables in the patterns of `google.api.resource_definition`s are snake_case and do not end in `_id`.",
  rationale: "Variables name the resource's ID segment after the resource's singular; client libraries derive parameter names from them.",
  lint: variablesProblem,
});

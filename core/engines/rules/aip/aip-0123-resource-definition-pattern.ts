/** AIP-123: resource definitions declare camelCase patterns (api-linter core::0123::resource-definition-pattern). */
import { defineResourceDefinitionRule } from "./resource-definition-rules.js";
import { patternProblem } from "./resource-patterns.js";

export default defineResourceDefinitionRule({
  name: "resource-definition-pattern",
  description: "`google.api.resource_definition`s declare `pattern`s whose constant segments are camelCase, without spaces.",
  rationale: "Resource name patterns drive the name helpers of every client library; snake_case or spaces break their parsing.",
  lint: patternProblem,
});

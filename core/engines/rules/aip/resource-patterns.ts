/**
 * AIP-123 checks on the patterns of a resource, shared by the rules on
 * `google.api.resource` (a message) and `google.api.resource_definition` (a
 * file), as api-linter shares lintResourcePattern and lintResourceVariables.
 */
import type { ResourceDescriptor } from "../../../model/descriptors/google-api-options.js";
import { lowerCamelCase, snakeCase } from "./strcase.js";

const VARIABLE = /\{([^}=]+)}/g;

/** resource-pattern: patterns declared, their constant segments without `_` or spaces. */
export function patternProblem(r: ResourceDescriptor): string | undefined {
  if (r.pattern.length === 0) return "Resources should declare resource name pattern(s).";
  for (const pattern of r.pattern) {
    const plain = pattern.replace(VARIABLE, "*");
    if (plain.includes("_") || plain.includes(" "))
      return "Resource patterns should use camel case (apart from the variable names), and no spaces.";
  }
  return undefined;
}

/** resource-variables: the first variable in snake_case or ending in `_id` (the first problem only, as api-linter). */
export function variablesProblem(r: ResourceDescriptor): string | undefined {
  for (const pattern of r.pattern) {
    for (const m of pattern.matchAll(VARIABLE)) {
      const variable = m[1] ?? "";
      if (variable.toLowerCase() !== variable)
        return `Variable names in patterns should use snake case, such as "${desiredPattern(pattern)}".`;
      if (variable.endsWith("_id")) return `Variable names should omit the \`_id\` suffix, such as "${desiredPattern(pattern)}".`;
    }
  }
  return undefined;
}

/** getDesiredPattern, for the message: variables in snake_case without `_id`, constant segments in lowerCamelCase. */
function desiredPattern(pattern: string): string {
  return pattern
    .split("/")
    .map((t) => (t.startsWith("{") && t.endsWith("}") ? `{${snakeCase(t.slice(1, -1)).replace(/_id$/, "")}}` : lowerCamelCase(t)))
    .join("/");
}

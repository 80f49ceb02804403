/**
 * AIP-123 checks on the patterns of a resource, shared by the rules on
 * `google.api.resource` (a message) and `google.api.resource_definition` (a
 * file), as api-linter shares lintResourcePattern and lintResourceVariables.
 */
import type { ResourceDescriptor } from "../../../model/descriptors/google-api-options.js";
import { snakeCase, strcaseLowerCamel } from "./strcase.js";

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
    .map((t) => (t.startsWith("{") && t.endsWith("}") ? `{${snakeCase(t.slice(1, -1)).replace(/_id$/, "")}}` : strcaseLowerCamel(t)))
    .join("/");
}

/** The variables of a pattern, in order (getVariables). */
export function patternVariables(pattern: string): string[] {
  return [...pattern.matchAll(VARIABLE)].map((m) => m[1] ?? "");
}

/** utils.IsSingletonResourcePattern: the pattern ends in a constant (`publishers/{publisher}/settings`). */
export const isSingletonPattern = (pattern: string): boolean => !pattern.endsWith("}");

/** isRootLevelResourcePattern: at most two segments. */
export const isRootLevelPattern = (pattern: string): boolean => (pattern.replace(/^\/+|\/+$/g, "").match(/\//g)?.length ?? 0) <= 1;

/** utils.GetResourceSingular: `singular`, else the type of a well-formed `{Service}/{Type}`. */
export function singularOf(r: ResourceDescriptor): string {
  if (r.singular) return r.singular;
  const parts = r.type.split("/");
  return parts.length === 2 && parts[0] && parts[1] ? parts[1] : "";
}

/** getParentIDVariable: the parent's ID variable of a pattern, or "". */
function parentIdVariable(pattern: string): string {
  const vars = patternVariables(pattern);
  if (vars.length === 0 || isRootLevelPattern(pattern)) return "";
  if (isSingletonPattern(pattern)) return vars.at(-1) ?? "";
  if (vars.length < 2) return "";
  return vars.at(-2) ?? "";
}

/**
 * isNestedName (AIP-122 nested collections): the first pattern has a parent
 * and the multi-word singular starts with the parent's ID variable
 * (`users/{user}/userEvents/{user_event}` could be `users/{user}/events/{event}`).
 */
export function isNestedName(r: ResourceDescriptor): boolean {
  const pattern = r.pattern[0];
  if (pattern === undefined || isRootLevelPattern(pattern)) return false;
  const singularSnake = snakeCase(singularOf(r));
  if (!singularSnake.includes("_")) return false;
  return singularSnake.startsWith(parentIdVariable(pattern));
}

/** nestedSingular: the singular without the parent's prefix, in snake_case. */
export function nestedSingular(r: ResourceDescriptor): string {
  if (!isNestedName(r)) return "";
  const parent = parentIdVariable(r.pattern[0] ?? "");
  const singularSnake = snakeCase(singularOf(r));
  return singularSnake.startsWith(`${parent}_`) ? singularSnake.slice(parent.length + 1) : singularSnake;
}

/** nestedPlural: the plural without the parent's prefix, in lowerCamelCase. */
export function nestedPlural(r: ResourceDescriptor): string {
  if (!isNestedName(r)) return "";
  const parent = strcaseLowerCamel(parentIdVariable(r.pattern[0] ?? ""));
  return strcaseLowerCamel(r.plural.startsWith(parent) ? r.plural.slice(parent.length) : r.plural);
}

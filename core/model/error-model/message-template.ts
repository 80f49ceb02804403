/**
 * Parsing of error message templates ("user {user_id} not found"), shared by
 * the error model and the ERROR_TEMPLATE_PARAMS rule. The runtime only renders
 * (runtime/errors/src/template.ts); the rules make sure what it renders is
 * well-formed.
 */

export interface TemplateParam {
  /** As written in the template: lower_snake_case. */
  name: string;
  /** lowerCamelCase: constructor property and ErrorInfo.metadata key. */
  key: string;
}

export interface ParsedTemplate {
  /** Distinct parameters in order of first use. */
  params: TemplateParam[];
  /** Placeholder contents that are not lower_snake_case names, e.g. "User Id". */
  bad: string[];
}

const PLACEHOLDER = /\{([^{}]*)\}/g;
const SNAKE_NAME = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
/** AIP-193: metadata keys match this and are at most 64 characters. */
const METADATA_KEY = /^[a-z][a-zA-Z0-9\-_]+$/;
export const MAX_METADATA_KEY_LENGTH = 64;

export function parseTemplate(template: string): ParsedTemplate {
  const params: TemplateParam[] = [];
  const bad: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? "";
    if (!SNAKE_NAME.test(name)) {
      bad.push(name);
      continue;
    }
    if (!params.some((p) => p.name === name)) params.push({ name, key: paramKey(name) });
  }
  return { params, bad };
}

/** `user_id` -> `userId` (the same conversion as the runtime's paramKey). */
export function paramKey(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Why a key is not a valid AIP-193 metadata key, or undefined when it is. */
export function metadataKeyProblem(key: string): string | undefined {
  if (key.length > MAX_METADATA_KEY_LENGTH) return `is ${key.length} characters long (at most ${MAX_METADATA_KEY_LENGTH})`;
  if (!METADATA_KEY.test(key)) return "does not match [a-z][a-zA-Z0-9-_]+ (at least two characters)";
  return undefined;
}

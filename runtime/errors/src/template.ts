/**
 * Message templates: "user {user_id} not found". Parameters are written in
 * lower_snake_case in the proto; the generated constructor, the instance's
 * `params` and the google.rpc.ErrorInfo metadata all use the lowerCamelCase
 * form (`userId`), because AIP-193 asks for lowerCamelCase metadata keys and
 * it is the natural TypeScript property name. One name on the wire and in code.
 *
 * The toolchain validates templates (lint rule ERROR_TEMPLATE_PARAMS); this
 * module only renders them, so it stays tolerant: a placeholder that is not a
 * known parameter is left as written.
 */

const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;

/** `user_id` -> `userId`: the metadata key and property name of a template parameter. */
export function paramKey(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Replaces each `{snake_name}` with the value of its lowerCamelCase key. Only
 * the object's own properties count: `{constructor}` or `{to_string}` must not
 * render what every object inherits ("function Object() { [native code] }").
 */
export function renderTemplate(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const key = paramKey(name);
    const value = Object.hasOwn(params, key) ? params[key] : undefined;
    return typeof value === "string" ? value : whole;
  });
}

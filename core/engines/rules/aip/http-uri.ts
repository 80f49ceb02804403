/**
 * Reading an HTTP path template the way api-linter does (utils.HTTPRule):
 * `{$api_version}` counts as a literal `v`, `{name=books/*}` is a variable with
 * its segment pattern, `{name}` a variable matching `*`.
 */
import type { HttpRule } from "../../../model/descriptors/google-api-options.js";

const VERSIONED = /\{\$api_version\}/g;
const PLAIN_VAR = /\{([^}=]+)\}/g;
const VAR_SEGMENT = /\{([^}=]+)=([^}]+)\}/g;

export function unversionedUri(rule: HttpRule): string {
  return rule.uri.replace(VERSIONED, "v");
}

/** The URI with each variable replaced by its pattern (`/v1/books/*`). */
export function plainUri(rule: HttpRule): string {
  return unversionedUri(rule).replace(VAR_SEGMENT, "$2").replace(PLAIN_VAR, "*");
}

/** The URI's variables and their patterns. */
export function uriVariables(rule: HttpRule): Map<string, string> {
  const uri = unversionedUri(rule);
  const vars = new Map<string, string>();
  for (const m of uri.matchAll(PLAIN_VAR)) vars.set(m[1] ?? "", "*");
  for (const m of uri.matchAll(VAR_SEGMENT)) vars.set(m[1] ?? "", m[2] ?? "");
  return vars;
}

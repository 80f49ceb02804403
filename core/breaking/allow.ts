/**
 * What accepts a deliberate break, in one place for buf's breaking findings
 * (core/breaking/accept.ts) and protogov's API changes (core/diff/accept.ts):
 *
 * - a comment `protogov:allow-breaking RULE reason`, where RULE is a rule id
 *   (buf's `FIELD_NO_DELETE` or protogov's `FIELD_REMOVED`) or `*`;
 * - a `breaking.accept` entry in protogov.yaml: `rule` (an id or `*`), and
 *   optionally `name`, text that the changed element's full name or the
 *   message must contain (a trailing `*` makes it a prefix of the full name:
 *   `acme.users.v1.*`).
 */

const DIRECTIVE = /protogov:allow-breaking[ \t]+(\S+)[ \t]*([^\n]*)/g;

/** The reason shown when a directive or entry gives none. */
export const NO_REASON = "no reason given";

export function ruleMatches(pattern: string, rule: string): boolean {
  return pattern === "*" || pattern === rule;
}

/** The reason of the first directive in `texts` that accepts `rule`, or undefined. */
export function allowedByComment(texts: Iterable<string>, rule: string): string | undefined {
  for (const text of texts) {
    for (const m of text.matchAll(DIRECTIVE)) {
      if (ruleMatches(m[1] ?? "", rule)) return (m[2] ?? "").trim() || NO_REASON;
    }
  }
  return undefined;
}

/** Whether an entry's `name` selects a change to `element` (its full name, when known) reported as `message`. */
export function nameMatches(name: string | undefined, element: string | undefined, message: string): boolean {
  if (name === undefined || name === "") return true;
  if (name.endsWith("*")) return element?.startsWith(name.slice(0, -1)) ?? message.includes(name.slice(0, -1));
  return (element?.includes(name) ?? false) || message.includes(name);
}

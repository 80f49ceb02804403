/** AIP-192 comment checks read only what readers see: a comment without its internal `(-- --)` parts. */

/** The public parts of a comment (outside `(-- --)`), each checked on its own as api-linter does. */
export function externalParts(comment: string): string[] {
  const parts: string[] = [];
  let rest = comment;
  for (;;) {
    const open = rest.indexOf("(--");
    const part = (open < 0 ? rest : rest.slice(0, open)).trim();
    if (part) parts.push(part);
    if (open < 0) break;
    const close = rest.indexOf("--)", open + 3);
    if (close < 0) break;
    rest = rest.slice(close + 3).trim();
  }
  return parts;
}

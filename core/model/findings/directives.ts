/**
 * Tool directives in proto comments are instructions to linters, not
 * documentation: `protogov:ignore`, `protogov:allow-breaking`,
 * `buf:lint:ignore`, and AIP internal comments `(-- ... --)` (api-linter's
 * `(-- api-linter: core::0140::lower-snake=disabled --)`, and text the AIPs
 * mark as not for public docs). Docs and generated code comments drop them so
 * they never reach readers of the API.
 */

/** A line that is a directive: the whole line goes. */
const DIRECTIVE_LINE = /^\s*(?:protogov:(?:ignore|allow-breaking)|buf:lint:ignore)\b/;

/** An AIP internal comment, possibly over several lines. */
const INTERNAL = /\(--[\s\S]*?--\)/g;

/** The comment text without directives; blank lines left at the ends are dropped, paragraph breaks kept. */
export function withoutDirectives(comment: string): string {
  if (!comment.includes("protogov:") && !comment.includes("buf:lint:") && !comment.includes("(--")) return comment;
  const lines = comment
    .replace(INTERNAL, "")
    .split("\n")
    .filter((line) => !DIRECTIVE_LINE.test(line));
  const collapsed: string[] = [];
  for (const line of lines) {
    const blank = line.trim() === "";
    if (blank && (collapsed.length === 0 || collapsed[collapsed.length - 1]?.trim() === "")) continue;
    collapsed.push(blank ? "" : line.trimEnd());
  }
  while (collapsed.length > 0 && collapsed[collapsed.length - 1] === "") collapsed.pop();
  return collapsed.join("\n");
}

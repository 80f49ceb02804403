/**
 * Which lines a change touches, from `git diff -U0`: per path, the changed
 * lines numbered in the new version (a deletion counts the line it closes up
 * on), and whether the file is new. Used to show warnings only on the elements
 * a change touches (the hook: the index against HEAD; check: the work tree
 * against the base).
 */
import { ToolError } from "../../model/errors.js";
import { git } from "./git.js";

export interface ChangedLines {
  /** The file did not exist before: all of it is the change. */
  added: boolean;
  lines: Set<number>;
}

/** `diffArgs`: what to compare (`--cached`, or a base commit for the work tree). */
export async function changedLines(
  diffArgs: readonly string[],
  paths: readonly string[],
  repoRoot: string,
): Promise<Map<string, ChangedLines>> {
  if (paths.length === 0) return new Map();
  const r = await git(
    ["-c", "core.quotePath=false", "diff", ...diffArgs, "-U0", "--no-color", "--no-ext-diff", "--no-renames", "--", ...paths],
    repoRoot,
  );
  if (r.code !== 0) throw new ToolError(`git diff ${diffArgs.join(" ")} failed: ${r.stderr.trim()}`);
  return parseUnifiedZero(r.stdout.toString("utf8"));
}

export function parseUnifiedZero(diff: string): Map<string, ChangedLines> {
  const out = new Map<string, ChangedLines>();
  let current: ChangedLines | undefined;
  for (const line of diff.split("\n")) {
    if (line.startsWith("+++ ")) {
      current = line.startsWith("+++ b/") ? { added: false, lines: new Set() } : undefined;
      if (current) out.set(line.slice(6), current);
      continue;
    }
    const m = current && line.startsWith("@@") ? /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line) : null;
    if (!current || !m) continue;
    const start = Number(m[3]);
    const count = m[4] === undefined ? 1 : Number(m[4]);
    if (Number(m[1]) === 0 && Number(m[2] ?? "1") === 0) current.added = true;
    if (count === 0) current.lines.add(Math.max(start, 1));
    for (let i = 0; i < count; i++) current.lines.add(start + i);
  }
  return out;
}

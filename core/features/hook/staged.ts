/**
 * What is staged, read with git plumbing only: the staged paths, the index's
 * blob ids (`ls-files -s`) and which staged files also have unstaged edits.
 * Nothing here writes to the index or the work tree. Git's own environment
 * is inherited on purpose: during `git commit -a` or `git commit FILE` the
 * hook is handed a temporary index through GIT_INDEX_FILE, and that index is
 * what will be committed.
 */

import { type ChangedLines, changedLines } from "../../engines/git/changed-lines.js";
import { git, readBlobs, type TreeEntry } from "../../engines/git/git.js";
import { ToolError } from "../../model/errors.js";

/** The repository's top-level directory, or undefined outside a work tree. */
export async function repoTopLevel(cwd: string): Promise<string | undefined> {
  const r = await git(["rev-parse", "--show-toplevel"], cwd);
  return r.code === 0 ? r.stdout.toString("utf8").trim() : undefined;
}

function splitZ(out: Buffer): string[] {
  return out
    .toString("utf8")
    .split("\0")
    .filter((p) => p !== "");
}

/**
 * Staged added, copied, modified or renamed paths (repository-relative from
 * any directory of the work tree: `--no-relative` overrides diff.relative),
 * deletions left out.
 */
export async function stagedPaths(cwd: string): Promise<string[]> {
  const r = await git(
    ["diff", "--cached", "--name-only", "--no-relative", "--diff-filter=ACMR", "--no-renames", "-z", "--no-ext-diff"],
    cwd,
  );
  if (r.code !== 0) throw new ToolError(`git diff --cached failed: ${r.stderr.trim()}`);
  return splitZ(r.stdout);
}

/**
 * The index's .proto entries, repository-relative from any directory of the
 * work tree (so the hook asks while it still learns the top level): regular
 * files at stage 0 only. Symlinks, submodules and the sides of an unresolved
 * merge are left out.
 */
export async function stagedProtoEntries(cwd: string): Promise<TreeEntry[]> {
  const r = await git(["ls-files", "-s", "-z", "--full-name", "--", ":(top,glob)**/*.proto"], cwd);
  if (r.code !== 0) throw new ToolError(`git ls-files failed: ${r.stderr.trim()}`);
  return parseIndexEntries(r.stdout);
}

function parseIndexEntries(out: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of splitZ(out)) {
    const tab = record.indexOf("\t");
    const [mode, oid, stage] = record.slice(0, tab).split(" ");
    if (stage === "0" && oid && (mode === "100644" || mode === "100755")) entries.push({ oid, path: record.slice(tab + 1) });
  }
  return entries;
}

/** Which of `paths` differ between the index and the work tree (edited or deleted since `git add`). */
export async function withUnstagedEdits(paths: readonly string[], repoRoot: string): Promise<string[]> {
  if (paths.length === 0) return [];
  const r = await git(["diff", "--name-only", "-z", "--no-ext-diff", "--", ...paths.map(literal)], repoRoot);
  if (r.code !== 0) throw new ToolError(`git diff failed: ${r.stderr.trim()}`);
  return splitZ(r.stdout);
}

/** Stages `paths` exactly as they are (no pathspec magic: a name with `*` is a name). */
export async function stage(paths: readonly string[], repoRoot: string): Promise<void> {
  if (paths.length === 0) return;
  const r = await git(["add", "--", ...paths.map(literal)], repoRoot);
  if (r.code !== 0) throw new ToolError(`git add failed: ${r.stderr.trim()}`);
}

/** A pathspec that matches this path only. */
function literal(path: string): string {
  return `:(literal)${path}`;
}

/** Config files git knows at any depth of the repository, from whichever directory git runs in. */
const CONFIG_PATHSPECS = [
  ":(top,glob)**/protogov.yaml",
  ":(top,glob)**/buf.yaml",
  ":(top,glob)**/buf.work.yaml",
  ":(top,glob)**/protogov.baseline.json",
];

/**
 * The staged text of every protogov.yaml, buf.yaml, buf.work.yaml and
 * baseline, by repository-relative path; runs from any directory of the work
 * tree, so the hook asks for it while it still learns the top level.
 */
export async function stagedConfigTexts(cwd: string): Promise<Map<string, string>> {
  const r = await git(["ls-files", "-s", "-z", "--full-name", "--", ...CONFIG_PATHSPECS], cwd);
  if (r.code !== 0) throw new ToolError(`git ls-files failed: ${r.stderr.trim()}`);
  const entries = parseIndexEntries(r.stdout);
  const blobs = await readBlobs(
    entries.map((e) => e.oid),
    cwd,
  );
  const texts = new Map<string, string>();
  for (const e of entries) {
    const blob = blobs.get(e.oid);
    if (blob) texts.set(e.path, blob.toString("utf8"));
  }
  return texts;
}

/**
 * The lines each staged path changes, numbered as staged: the hook shows
 * warnings only for the elements on these lines.
 */
export function stagedChangedLines(paths: readonly string[], repoRoot: string): Promise<Map<string, ChangedLines>> {
  return changedLines(["--cached"], paths, repoRoot);
}

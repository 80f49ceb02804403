/**
 * Which .proto files changed between the base commit and the work tree, as
 * import paths, plus their directory siblings (a directory is a package under
 * buf's layout rules, and package-level checks need the whole package).
 */
import { relative } from "node:path";
import { git } from "../../engines/git/git.js";
import { type Project, toPosix } from "../../model/project/project.js";

export interface ChangedFiles {
  /** Import paths that differ (modified, added, deleted, renamed from or to). */
  changed: Set<string>;
  /** `changed` plus every file in the same directories, at head or base. */
  scope: Set<string>;
}

export async function changedProtoFiles(commit: string, repoRoot: string, head: Project): Promise<ChangedFiles> {
  const modulePaths = head.modules.map((m) => toPosix(relative(repoRoot, m.dir)) || ".");
  const toImport = (repoPath: string): string | undefined => {
    if (!repoPath.endsWith(".proto")) return undefined;
    for (const m of modulePaths) {
      if (m === ".") return repoPath;
      if (repoPath.startsWith(`${m}/`)) return repoPath.slice(m.length + 1);
    }
    return undefined;
  };
  const changed = new Set<string>();
  const diff = await git(["diff", "--name-status", "-z", "-M", "--no-ext-diff", commit, "--", ...modulePaths], repoRoot);
  const fields = diff.stdout.toString("utf8").split("\0");
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++] ?? "";
    if (!status) continue;
    const paths = status.startsWith("R") || status.startsWith("C") ? [fields[i++], fields[i++]] : [fields[i++]];
    for (const p of paths) {
      const imp = p ? toImport(p) : undefined;
      if (imp) changed.add(imp);
    }
  }
  const untracked = await git(["ls-files", "--others", "--exclude-standard", "-z", "--", ...modulePaths], repoRoot);
  for (const p of untracked.stdout.toString("utf8").split("\0")) {
    const imp = p ? toImport(p) : undefined;
    if (imp) changed.add(imp);
  }
  const dirs = new Set([...changed].map(dirOf));
  const scope = new Set(changed);
  for (const f of head.files) if (dirs.has(dirOf(f.importPath))) scope.add(f.importPath);
  return { changed, scope };
}

export function dirOf(importPath: string): string {
  const slash = importPath.lastIndexOf("/");
  return slash < 0 ? "" : importPath.slice(0, slash);
}

import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * Directories never holding a project's own protos; skipping them keeps big
 * repositories fast. Hidden directories (`.git`, `.cache`, a tool installed
 * under `.protogov`) are skipped too, and so is protogov's own output (a
 * directory holding OUTPUT_MARKER: a generated package may carry .proto
 * files, which are copies, not sources).
 */
const SKIPPED_DIRS = new Set(["node_modules", "dist", "bower_components"]);

/** The file protogov writes into every output directory it owns (features/generate/output-dir.ts). */
export const OUTPUT_MARKER = ".protogov-output";

/** Whether a directory (its name, and its path for the output marker) is never searched for sources. */
function skippedDir(name: string, abs: string): boolean {
  return SKIPPED_DIRS.has(name) || name.startsWith(".") || existsSync(join(abs, OUTPUT_MARKER));
}

/** Why the listing skips a directory (for `init`, which writes them down as excludes). */
function skipReason(name: string, abs: string): string {
  if (SKIPPED_DIRS.has(name)) return name === "dist" ? "build output" : "dependencies";
  if (name.startsWith(".")) return "hidden directory";
  return existsSync(join(abs, OUTPUT_MARKER)) ? "protogov's output" : "ignored by git";
}

/** Whether `importPath` (relative to `moduleDir`) lies in a directory the file listing skips. */
export function inSkippedDir(moduleDir: string, importPath: string): boolean {
  const dirs = importPath.split("/").slice(0, -1);
  return dirs.some((name, i) => skippedDir(name, join(moduleDir, ...dirs.slice(0, i + 1))));
}

/**
 * Every .proto file under `dir`, sorted, leaving out `excludes` (absolute
 * paths). The skipped directories met on the way are added to `skipped`, so
 * callers can exclude them from buf's view of the module too (buf would
 * otherwise compile and format them).
 */
export function listProtoFiles(dir: string, excludes: readonly string[], skipped?: string[], brokenLinks?: string[]): string[] {
  const out: string[] = [];
  const excluded = new Set(excludes);
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const abs = join(d, entry.name);
      if (excluded.has(abs)) continue;
      if (entry.isDirectory()) {
        if (!skippedDir(entry.name, abs)) walk(abs);
        else skipped?.push(abs);
      } else if (entry.name.endsWith(".proto") && (entry.isFile() || entry.isSymbolicLink())) {
        out.push(abs);
        // A link to nowhere or to itself stays listed (it is reported as unreadable) but must not reach buf.
        if (entry.isSymbolicLink() && brokenLinks && !resolves(abs)) brokenLinks.push(abs);
      }
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * What git ignores under `dir` (untracked and matched by .gitignore,
 * .git/info/exclude or the global excludes file) that could hold sources: whole
 * directories (git names an ignored directory once) and .proto files, as
 * absolute paths. Tracked files are never ignored, as in git. Outside a git
 * repository, or without git, nothing is ignored.
 */
export function gitIgnoredPaths(dir: string): string[] {
  if (!insideGitWorkTree(dir)) return [];
  let out: string;
  try {
    out = execFileSync("git", ["ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory", "--no-empty-directory"], {
      cwd: dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return [];
  }
  return out
    .split("\0")
    .filter((p) => p.endsWith("/") || p.endsWith(".proto"))
    .map((p) => resolve(dir, p));
}

/**
 * Whether a `.git` (a directory with a HEAD, or a worktree's `.git` file) lies
 * at or above `dir`: a few stat calls that spare a git process where there is
 * no repository (a temporary tree, such as the hook's, or a corpus).
 */
function insideGitWorkTree(dir: string): boolean {
  for (let current = resolve(dir); ; ) {
    const git = join(current, ".git");
    const stat = statSync(git, { throwIfNoEntry: false });
    // A worktree's .git is a file; a repository's a directory with HEAD; an empty one marks a boundary
    // (the hook's temporary tree), not a repository.
    if (stat) return stat.isFile() || existsSync(join(git, "HEAD"));
    const up = resolve(current, "..");
    if (up === current) return false;
    current = up;
  }
}

/** Whether a link leads to something (not to nowhere, not around in a loop). */
function resolves(link: string): boolean {
  try {
    statSync(link);
    return true;
  } catch {
    return false;
  }
}

/**
 * A module's .proto files; the directories the listing skipped (node_modules,
 * hidden ones, protogov's output, what git ignores) join the module's excludes,
 * so buf's view of the module (compile, format) leaves them out as well.
 */
export function listedFiles(module: { dir: string; excludes: string[]; leftOutFiles?: string[] }): string[] {
  const skipped: string[] = [];
  const ignored = gitIgnoredPaths(module.dir).filter((p) => !module.excludes.includes(p));
  const broken: string[] = [];
  const files = listProtoFiles(module.dir, [...module.excludes, ...ignored], skipped, broken);
  module.excludes.push(...skipped, ...ignored.filter((p) => !p.endsWith(".proto")));
  const leftOut = [...ignored.filter((p) => p.endsWith(".proto")), ...broken];
  if (leftOut.length > 0) module.leftOutFiles = leftOut;
  return files;
}

function holdsProto(dir: string): boolean {
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  return entries.some((e) => (e.isDirectory() ? holdsProto(join(dir, e.name)) : e.name.endsWith(".proto")));
}

/**
 * The directories under `dir` that hold .proto files the listing leaves out
 * (node_modules, hidden directories, protogov's output, what git ignores),
 * outermost only, with why: `init` writes them into protogov.yaml so the
 * configuration says what is not the API.
 */
export function skippedSourceDirs(dir: string): { abs: string; reason: string }[] {
  const skipped: string[] = [];
  const ignored = gitIgnoredPaths(dir).filter((p) => !p.endsWith(".proto"));
  listProtoFiles(dir, ignored, skipped);
  return [...skipped, ...ignored]
    .filter((abs) => holdsProto(abs))
    .sort()
    .map((abs) => ({ abs, reason: skipReason(abs.slice(abs.lastIndexOf("/") + 1), abs) }));
}

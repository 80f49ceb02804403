/**
 * Which staged files a hook command works on: the staged .proto files that lie
 * in one of the project's modules and that the project's file listing would
 * include (not excluded, not under node_modules, dist or a dot directory).
 */
import { realpathSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { loadConfig } from "../config/load.js";
import type { LoadedConfig } from "../config/types.js";
import { InputError } from "../errors.js";
import { toPosix } from "../project/project.js";
import { repoTopLevel, stagedPaths } from "./staged.js";

export interface StagedModule {
  /** Absolute directory in the work tree. */
  dir: string;
  /** Relative to the repository root ("." for the root). */
  repoPath: string;
  /** Relative to the project root ("." for the root). */
  rel: string;
  excludes: string[];
}

export interface StagedTarget {
  /** Repository-relative path (what git prints). */
  repoPath: string;
  /** Project-relative path (what findings show). */
  rel: string;
  /** Path inside its module: the import path. */
  importPath: string;
  module: number;
}

export interface StagedTargets {
  /** The real (symlink-free) directory the command runs in. */
  cwd: string;
  repoRoot: string;
  loaded: LoadedConfig;
  modules: StagedModule[];
  targets: StagedTarget[];
}

/** Directories the project's file listing skips (see core/project/list-files.ts). */
const SKIPPED_DIRS = new Set(["node_modules", ".git", "dist", ".protogov-cache"]);

export async function stagedTargets(cwdArg: string, configFile: string | undefined): Promise<StagedTargets | undefined> {
  // git reports real paths; a symlinked cwd would make every relative path below wrong.
  const cwd = realpathSync(resolve(cwdArg));
  const repoRoot = await repoTopLevel(cwd);
  if (!repoRoot) {
    throw new InputError(`${cwd} is not inside a git work tree`, {
      hint: "run it inside the repository (git runs the pre-commit hook at its top level)",
    });
  }
  const staged = (await stagedPaths(repoRoot)).filter((p) => p.endsWith(".proto"));
  // Nothing staged that protogov cares about: answer before reading any config.
  if (staged.length === 0) return undefined;
  const loaded = loadConfig({ startDir: cwd, configFile });
  if (!isWithin(loaded.root, repoRoot)) {
    throw new InputError(`the project root ${loaded.root} is outside the repository ${repoRoot}`, {
      hint: "the hook checks files staged in this repository: keep protogov.yaml inside it",
    });
  }
  const modules = loaded.config.modules.map((m) => {
    const dir = resolve(loaded.root, m.path);
    return {
      dir,
      repoPath: toPosix(relative(repoRoot, dir)) || ".",
      rel: toPosix(relative(loaded.root, dir)) || ".",
      excludes: m.excludes.map((e) => resolve(dir, e)),
    };
  });
  const targets: StagedTarget[] = [];
  for (const repoPath of staged) {
    const abs = join(repoRoot, repoPath);
    const module = modules.findIndex((m) => isWithin(abs, m.dir) && !m.excludes.some((e) => isWithin(abs, e)));
    const dir = modules[module]?.dir;
    if (dir === undefined) continue;
    const importPath = toPosix(relative(dir, abs));
    if (hasSkippedDir(importPath)) continue;
    targets.push({ repoPath, rel: toPosix(relative(loaded.root, abs)), importPath, module });
  }
  return { cwd, repoRoot, loaded, modules, targets };
}

function hasSkippedDir(importPath: string): boolean {
  return importPath
    .split("/")
    .slice(0, -1)
    .some((d) => SKIPPED_DIRS.has(d) || d.startsWith("."));
}

export function isWithin(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

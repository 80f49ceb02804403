/**
 * Which staged files a hook command works on: the staged .proto files that lie
 * in one of their project's modules and that the project's file listing would
 * include (not excluded, not under node_modules, dist or a dot directory).
 */
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import type { TreeEntry } from "../../engines/git/git.js";
import { loadConfig } from "../../model/config/load.js";
import type { LoadedConfig } from "../../model/config/protogov-config.js";
import { InputError } from "../../model/errors.js";
import { inSkippedDir } from "../../model/project/list-files.js";
import { toPosix } from "../../model/project/project.js";
import { repoTopLevel, stagedConfigTexts, stagedPaths, stagedProtoEntries } from "./staged.js";

export interface StagedModule {
  /** Absolute directory in the work tree. */
  dir: string;
  /** Relative to the repository root ("." for the root). */
  repoPath: string;
  /** Relative to the project root ("." for the root). */
  rel: string;
  excludes: string[];
}

export interface StagedFile {
  /** Repository-relative path (what git prints). */
  repoPath: string;
  /** Project-relative path (what findings show). */
  rel: string;
  /** Path inside its module: the import path. */
  importPath: string;
  module: number;
}

export interface StagedProject {
  loaded: LoadedConfig;
  modules: StagedModule[];
  files: StagedFile[];
}

export interface StagedScope {
  /** The real (symlink-free) directory the command runs in. */
  cwd: string;
  repoRoot: string;
  /** One entry per project the staged files belong to (usually one); each has at least one target. */
  projects: StagedProject[];
  /** A config file's staged text (its work-tree text when git does not track it). */
  readConfig(file: string): string;
  /** Every .proto of the index (repository-relative), asked for alongside the rest. */
  protoEntries: Promise<TreeEntry[]>;
}

/** What marks a project root (see core/model/config/load.ts). */
const LAYOUT_FILES = ["protogov.yaml", "buf.yaml", "buf.work.yaml"];

/**
 * The staged .proto files grouped by project. Each file belongs to the project
 * found from its own directory upward (protogov.yaml, buf.yaml, buf.work.yaml,
 * as if protogov ran there), else to the one found from the cwd: a repository
 * with its protos under `api/` and a protogov.yaml there is checked the same
 * from the hook (which git runs at the top level) as from `api/`.
 * `--config` puts every file in that one project.
 */
export async function stagedScope(cwdArg: string, configFile: string | undefined): Promise<StagedScope | undefined> {
  // git reports real paths; a symlinked cwd would make every relative path below wrong.
  const cwd = realpathSync(resolve(cwdArg));
  // Four git processes at once: none needs another's answer (paths come back repository-relative).
  const protoEntries = stagedProtoEntries(cwd);
  protoEntries.catch(() => undefined);
  const [top, stagedAll, configs] = await Promise.allSettled([repoTopLevel(cwd), stagedPaths(cwd), stagedConfigTexts(cwd)]);
  const repoRoot = top.status === "fulfilled" ? top.value : undefined;
  if (!repoRoot) {
    throw new InputError(`${cwd} is not inside a git work tree`, {
      hint: "run it inside the repository (git runs the pre-commit hook at its top level)",
    });
  }
  if (stagedAll.status === "rejected") throw stagedAll.reason;
  const staged = stagedAll.value.filter((p) => p.endsWith(".proto"));
  // Nothing staged that protogov cares about: answer before reading any config.
  if (staged.length === 0) return undefined;
  const byStart = new Map<string, string[]>();
  const rootOf = new Map<string, string>();
  for (const repoPath of staged) {
    const start = configFile === undefined ? layoutDirAbove(dirname(join(repoRoot, repoPath)), repoRoot, rootOf) : undefined;
    const key = start ?? cwd;
    byStart.set(key, [...(byStart.get(key) ?? []), repoPath]);
  }
  // The configuration as it is staged: an unstaged edit (even a broken one) is not what is committed.
  if (configs.status === "rejected") throw configs.reason;
  const stagedConfigs = configs.value;
  const readConfig = (file: string): string => stagedConfigs.get(toPosix(relative(repoRoot, file))) ?? readFileSync(file, "utf8");
  const projects = new Map<string, StagedProject>();
  for (const [start, paths] of byStart) {
    const loaded = loadConfig({ startDir: start, configFile, read: readConfig });
    if (!isWithin(loaded.root, repoRoot)) {
      throw new InputError(`the project root ${loaded.root} is outside the repository ${repoRoot}`, {
        hint: "the hook checks files staged in this repository: keep protogov.yaml inside it",
      });
    }
    const project = projects.get(loaded.root) ?? { loaded, modules: modulesOf(loaded, repoRoot), files: [] };
    projects.set(loaded.root, project);
    project.files.push(...stagedFilesOf(paths, project, repoRoot));
  }
  return { cwd, repoRoot, projects: [...projects.values()].filter((p) => p.files.length > 0), readConfig, protoEntries };
}

/** The nearest directory from `dir` up to the repository root that holds a layout file. */
function layoutDirAbove(dir: string, repoRoot: string, cache: Map<string, string>): string | undefined {
  const seen: string[] = [];
  let current = dir;
  let found: string | undefined;
  for (;;) {
    const known = cache.get(current);
    if (known !== undefined) {
      found = known || undefined;
      break;
    }
    seen.push(current);
    if (LAYOUT_FILES.some((f) => existsSync(join(current, f)))) {
      found = current;
      break;
    }
    if (current === repoRoot || !isWithin(current, repoRoot)) break;
    current = dirname(current);
  }
  for (const d of seen) cache.set(d, found ?? "");
  return found;
}

function modulesOf(loaded: LoadedConfig, repoRoot: string): StagedModule[] {
  return loaded.config.modules.map((m) => {
    const dir = resolve(loaded.root, m.path);
    return {
      dir,
      repoPath: toPosix(relative(repoRoot, dir)) || ".",
      rel: toPosix(relative(loaded.root, dir)) || ".",
      excludes: m.excludes.map((e) => resolve(dir, e)),
    };
  });
}

function stagedFilesOf(paths: readonly string[], project: StagedProject, repoRoot: string): StagedFile[] {
  const files: StagedFile[] = [];
  for (const repoPath of paths) {
    const abs = join(repoRoot, repoPath);
    const module = project.modules.findIndex((m) => isWithin(abs, m.dir) && !m.excludes.some((e) => isWithin(abs, e)));
    const dir = project.modules[module]?.dir;
    if (dir === undefined) continue;
    const importPath = toPosix(relative(dir, abs));
    // The same directories as the project's own file listing.
    if (inSkippedDir(dir, importPath)) continue;
    files.push({ repoPath, rel: toPosix(relative(project.loaded.root, abs)), importPath, module });
  }
  return files;
}

export function isWithin(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

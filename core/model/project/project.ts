/**
 * A project: its root, config, modules and the .proto files each command works
 * on. Paths given on the command line narrow the files; they must exist and lie
 * inside a module.
 */
import { existsSync, statSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { loadConfig } from "../config/load.js";
import type { LoadedConfig } from "../config/protogov-config.js";
import { InputError } from "../errors.js";
import { inferModuleRoot } from "./detect-roots.js";
import { listedFiles } from "./list-files.js";

export interface ProjectModule {
  /** Absolute directory. */
  dir: string;
  /** Relative to the project root, "." for the root. */
  rel: string;
  /** Absolute excluded paths. */
  excludes: string[];
  /**
   * Single files buf must not see that its config cannot exclude (its
   * excludes are directories): files git ignores, and links to nowhere or to
   * themselves (still listed, so they are reported as unreadable). The
   * workspace then links the module's other files one by one.
   */
  leftOutFiles?: string[];
}

export interface ProtoFile {
  /** Absolute path on disk. */
  abs: string;
  /** Project-relative path with forward slashes: what findings show. */
  rel: string;
  /** Path relative to its module: the import path and the name in the image. */
  importPath: string;
  /** Index into `Project.modules`. */
  module: number;
}

export interface Project {
  root: string;
  loaded: LoadedConfig;
  modules: ProjectModule[];
  /** Every .proto file of the modules. */
  files: ProtoFile[];
  /** The files in scope of a command: all, or those under the paths given on the command line. */
  inScope: ProtoFile[];
  /** True when paths narrowed the files in scope. */
  narrowed: boolean;
  byImportPath: Map<string, ProtoFile>;
}

export interface ProjectOptions {
  cwd: string;
  configFile?: string | undefined;
  paths?: readonly string[] | undefined;
}

export function toPosix(p: string): string {
  return sep === "/" ? p : p.split(sep).join("/");
}

export function openProject(opts: ProjectOptions): Project {
  const cwd = resolve(opts.cwd);
  const absPaths = (opts.paths ?? []).map((p) => (isAbsolute(p) ? p : resolve(cwd, p)));
  for (const [i, p] of absPaths.entries()) {
    if (!existsSync(p)) {
      throw new InputError(`path ${opts.paths?.[i]} does not exist`, {
        location: { file: opts.paths?.[i] ?? p },
        hint: "pass a .proto file or a directory holding .proto files",
      });
    }
  }
  // Zero config on a directory of protos: the directory given is where the search starts.
  const firstPath = absPaths[0];
  const firstDir = firstPath === undefined ? undefined : statSync(firstPath).isDirectory() ? firstPath : dirname(firstPath);
  let loaded = loadConfig({ startDir: firstDir ?? cwd, configFile: opts.configFile });
  if (!loaded.file && loaded.layoutSource === "default" && firstDir) {
    const inferred = inferModuleRoot(firstDir);
    if (inferred && inferred !== loaded.root) loaded = { ...loaded, root: inferred };
  }
  const root = loaded.root;
  const modules = loaded.config.modules.map((m) => {
    const dir = resolve(root, m.path);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new InputError(`module directory ${m.path} does not exist`, {
        location: { file: loaded.file ?? root, ...lineField(loaded.lineOf("modules")) },
        hint: `create it or fix "modules" in ${loaded.layoutSource}`,
      });
    }
    return { dir, rel: toPosix(relative(root, dir)) || ".", excludes: m.excludes.map((e) => resolve(dir, e)) };
  });
  const files: ProtoFile[] = [];
  modules.forEach((m, index) => {
    for (const abs of listedFiles(m)) {
      files.push({ abs, rel: toPosix(relative(root, abs)), importPath: toPosix(relative(m.dir, abs)), module: index });
    }
  });
  if (files.length === 0) {
    const where = modules.map((m) => m.rel).join(", ");
    throw new InputError(`no .proto files found in ${where === "." ? root : where}`, {
      location: { file: toPosix(relative(cwd, root)) || "." },
      hint: "run protogov in the directory that holds your .proto files, pass it as a path, or set modules in protogov.yaml",
    });
  }
  let inScope = files;
  if (absPaths.length > 0) {
    for (const [i, p] of absPaths.entries()) {
      if (!modules.some((m) => isWithin(p, m.dir) || isWithin(m.dir, p))) {
        throw new InputError(`path ${opts.paths?.[i]} is outside the project's modules (${modules.map((m) => m.rel).join(", ")})`, {
          location: { file: opts.paths?.[i] ?? p },
          hint: "pass paths inside a module, or add the directory to modules in protogov.yaml",
        });
      }
    }
    inScope = files.filter((f) => absPaths.some((p) => isWithin(f.abs, p)));
    if (inScope.length === 0) {
      throw new InputError(`no .proto files under ${opts.paths?.join(", ")}`, {
        location: { file: opts.paths?.[0] ?? "." },
        hint: "pass .proto files or directories that hold them",
      });
    }
  }
  const byImportPath = new Map(files.map((f) => [f.importPath, f]));
  const narrowed = inScope.length !== files.length;
  return { root, loaded, modules, files, inScope, narrowed, byImportPath };
}

function isWithin(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

function lineField(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}

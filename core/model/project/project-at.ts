/**
 * Projects other than the one on disk: the base side of a breaking check (a
 * tree materialized from git objects, or a directory), laid out like the head
 * project so module indexes and import paths line up.
 */
import { existsSync, mkdirSync } from "node:fs";
import { relative, resolve } from "node:path";
import type { LoadedConfig } from "../config/protogov-config.js";
import { listedFiles } from "./list-files.js";
import { type Project, type ProtoFile, toPosix } from "./project.js";

/** The head project's module layout applied at another root; missing modules are empty. */
export function projectAt(root: string, loaded: LoadedConfig): Project {
  const modules = loaded.config.modules.map((m) => {
    const dir = resolve(root, m.path);
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
    return { dir, rel: toPosix(relative(root, dir)) || ".", excludes: m.excludes.map((e) => resolve(dir, e)) };
  });
  const files: ProtoFile[] = [];
  modules.forEach((m, index) => {
    for (const abs of listedFiles(m)) {
      files.push({ abs, rel: toPosix(relative(root, abs)), importPath: toPosix(relative(m.dir, abs)), module: index });
    }
  });
  return {
    root,
    loaded: { ...loaded, root },
    modules,
    files,
    inScope: files,
    narrowed: false,
    byImportPath: new Map(files.map((f) => [f.importPath, f])),
  };
}

/** The same project with its files in scope narrowed to the given import paths (those that exist). */
export function narrowTo(project: Project, importPaths: ReadonlySet<string>): Project {
  const inScope = project.files.filter((f) => importPaths.has(f.importPath));
  return { ...project, inScope, narrowed: inScope.length !== project.files.length };
}

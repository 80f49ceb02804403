/**
 * Builds the base side's image. A git base is read straight from git objects
 * (ls-tree + one cat-file stream: no checkout, the user's work tree is never
 * touched); full images are cached by the git tree ids of the modules, so the
 * base of a branch is compiled once. Incremental runs materialize only the
 * files asked for and their import closure.
 */

import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { compileProject } from "../compile/compile.js";
import { createWorkspace } from "../compile/workspace.js";
import { InputError, ToolError } from "../errors.js";
import { gitMaybe, listTree, readBlobs, type TreeEntry } from "../git/git.js";
import { type Project, toPosix } from "../project/project.js";
import { narrowTo, projectAt } from "../project/project-at.js";
import type { Base } from "./base.js";

export interface BaseImage {
  imagePath: string;
  /** Project-relative path of a base file, by import path. */
  pathOf: (importPath: string) => string;
  dispose(): void;
}

const IMPORT_LINE = /^\s*import\s+(?:public\s+|weak\s+)?"([^"]+)"\s*;/gm;

export function cacheDir(): string {
  return process.env["PROTOGOV_CACHE_DIR"] ?? join(process.env["XDG_CACHE_HOME"] ?? join(homedir(), ".cache"), "protogov");
}

/** `only`: import paths for an incremental run (plus their closure); undefined = everything. */
export async function buildBaseImage(base: Base, head: Project, only?: ReadonlySet<string>): Promise<BaseImage> {
  if (base.kind === "image") return { imagePath: base.path, pathOf: (p) => p, dispose: () => undefined };
  if (base.kind === "dir") {
    const project = projectAt(base.path, head.loaded);
    return compileSide(only ? narrowTo(project, only) : project, base.label);
  }
  const moduleRepoPaths = head.modules.map((m) => toPosix(relative(base.repoRoot, m.dir)) || ".");
  const key = only ? undefined : await cacheKey(base, head, moduleRepoPaths);
  const cached = key ? join(cacheDir(), `base-${key}.binpb`) : undefined;
  if (cached && existsSync(cached)) {
    return { imagePath: cached, pathOf: (p) => mapByModules(p, head), dispose: () => undefined };
  }
  const root = mkdtempSync(join(tmpdir(), "protogov-base-"));
  try {
    await materialize(base, head, moduleRepoPaths, root, only);
    const project = projectAt(root, head.loaded);
    const side = await compileSide(only ? narrowTo(project, only) : project, base.label);
    if (cached) {
      mkdirSync(dirname(cached), { recursive: true });
      const tmp = `${cached}.tmp-${process.pid}`;
      copyFileSync(side.imagePath, tmp);
      renameSync(tmp, cached);
    }
    return { ...side, dispose: () => (side.dispose(), rmSync(root, { recursive: true, force: true })) };
  } catch (e) {
    rmSync(root, { recursive: true, force: true });
    throw e;
  }
}

async function compileSide(project: Project, label: string): Promise<BaseImage> {
  const ws = createWorkspace(project);
  if (project.targets.length === 0) {
    // Nothing of the requested files existed at the base: an empty image.
    const empty = join(ws.dir, "empty.binpb");
    writeFileSync(empty, new Uint8Array());
    return { imagePath: empty, pathOf: (p) => mapByModules(p, project), dispose: ws.dispose };
  }
  const compiled = await compileProject(project, ws);
  if (!compiled.imagePath) {
    ws.dispose();
    const first = compiled.findings[0];
    throw new InputError(
      `the base (${label}) does not compile: ${first ? `${first.file}:${first.line}: ${first.message}` : "unknown error"}`,
      {
        hint: "compare against a base that compiles (--against REF), or fix the base branch first",
      },
    );
  }
  return { imagePath: compiled.imagePath, pathOf: (p) => mapByModules(p, project), dispose: ws.dispose };
}

function mapByModules(importPath: string, project: Project): string {
  const file = project.byImportPath.get(importPath);
  if (file) return file.rel;
  const module = project.modules[0];
  return module && module.rel !== "." ? `${module.rel}/${importPath}` : importPath;
}

async function cacheKey(base: Extract<Base, { kind: "git" }>, head: Project, moduleRepoPaths: string[]): Promise<string> {
  const hash = createHash("sha256");
  const versions = readFileSync(new URL("../../../package.json", import.meta.url), "utf8");
  hash.update(versions);
  for (const [i, path] of moduleRepoPaths.entries()) {
    const tree = await gitMaybe(["rev-parse", `${base.commit}:${path === "." ? "" : path}`], base.repoRoot);
    hash.update(`${path}\0${tree ?? "none"}\0${head.modules[i]?.excludes.join(",") ?? ""}\n`);
  }
  return hash.digest("hex").slice(0, 32);
}

async function materialize(
  base: Extract<Base, { kind: "git" }>,
  head: Project,
  moduleRepoPaths: string[],
  root: string,
  only: ReadonlySet<string> | undefined,
): Promise<void> {
  // import path -> blob, per module, as of the base commit
  const byImport = new Map<string, { entry: TreeEntry; module: number }>();
  const listing = await listTree(
    base.commit,
    moduleRepoPaths.map((p) => (p === "." ? "." : p)),
    base.repoRoot,
  );
  for (const entry of listing) {
    if (!entry.path.endsWith(".proto")) continue;
    const module = moduleRepoPaths.findIndex((m) => m === "." || entry.path.startsWith(`${m}/`));
    if (module < 0) continue;
    const modPath = moduleRepoPaths[module] ?? ".";
    const importPath = modPath === "." ? entry.path : entry.path.slice(modPath.length + 1);
    if (!byImport.has(importPath)) byImport.set(importPath, { entry, module });
  }
  let wanted = only ? [...only].filter((p) => byImport.has(p)) : [...byImport.keys()];
  const written = new Set<string>();
  while (wanted.length > 0) {
    const batch = wanted.filter((p) => !written.has(p));
    const blobs = await readBlobs(
      batch.map((p) => byImport.get(p)?.entry.oid ?? ""),
      base.repoRoot,
    );
    const next: string[] = [];
    for (const importPath of batch) {
      const item = byImport.get(importPath);
      const blob = item ? blobs.get(item.entry.oid) : undefined;
      if (!item || !blob) throw new ToolError(`could not read ${importPath} at ${base.commit.slice(0, 12)} from git`);
      const moduleDir = head.modules[item.module];
      const target = join(root, moduleDir?.rel ?? ".", importPath);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, blob);
      written.add(importPath);
      if (only) {
        for (const m of blob.toString("utf8").matchAll(IMPORT_LINE)) {
          const dep = m[1];
          if (dep && byImport.has(dep) && !written.has(dep)) next.push(dep);
        }
      }
    }
    wanted = [...new Set(next)];
  }
}

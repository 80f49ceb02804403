/**
 * Builds the base side's image. A git base is read straight from git objects
 * (ls-tree + one cat-file stream: no checkout, the user's work tree is never
 * touched); full images are cached by the git tree ids of the modules, so the
 * base of a branch is compiled once. Incremental runs materialize only the
 * files asked for and their import closure.
 */

import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cacheDir, cacheDisabled } from "../../engines/cache/cache-dir.js";
import { isVerifiedFile, writeVerifiedFile } from "../../engines/cache/content-store.js";
import { compileProject } from "../../engines/compile/compile.js";
import { createWorkspace } from "../../engines/compile/workspace.js";
import { scanImage } from "../../engines/diff/diff-images.js";
import { gitMaybe, listTree } from "../../engines/git/git.js";
import { materialize } from "../../engines/git/materialize.js";
import { loadConfig } from "../../model/config/load.js";
import type { LoadedConfig } from "../../model/config/protogov-config.js";
import { InputError } from "../../model/errors.js";
import { removeTemp, tempDir } from "../../model/fs/lifecycle.js";
import type { Project } from "../../model/project/project.js";
import { narrowTo, projectAt } from "../../model/project/project-at.js";
import type { Base } from "./base.js";
import { layoutAtCommit } from "./base-layout.js";

export interface BaseImage {
  imagePath: string;
  /** Project-relative path of a base file, by import path. */
  pathOf: (importPath: string) => string;
  dispose(): void;
}

/** `only`: import paths for an incremental run (plus their closure); undefined = everything. */
export async function buildBaseImage(base: Base, head: Project, only?: ReadonlySet<string>): Promise<BaseImage> {
  if (base.kind === "image") {
    checkImage(base.path, base.label);
    return { imagePath: base.path, pathOf: (p) => p, dispose: () => undefined };
  }
  if (base.kind === "dir") {
    const project = projectAt(base.path, ownLayout(base.path, head.loaded));
    if (only) return compileSide(narrowTo(project, only), base.label);
    return cachedBy(contentKey(project), project, () => compileSide(project, base.label));
  }
  // The base commit is read with its own layout (base-layout.ts), as buf reads each side with its own.
  const layout = await layoutAtCommit(base, head);
  const moduleRepoPaths = layout.repoPaths;
  const build = async (): Promise<BaseImage> => {
    const root = tempDir("protogov-base-");
    try {
      const entries = await listTree(base.commit, moduleRepoPaths, base.repoRoot);
      const source = { entries, label: base.commit.slice(0, 12), repoRoot: base.repoRoot };
      await materialize(source, { repoPaths: moduleRepoPaths, rels: layout.rels }, root, only);
      const project = projectAt(root, layout.loaded);
      const side = await compileSide(only ? narrowTo(project, only) : project, base.label);
      const dispose = (): void => {
        side.dispose();
        removeTemp(root);
      };
      return { ...side, dispose };
    } catch (e) {
      removeTemp(root);
      throw e;
    }
  };
  if (only) return build();
  return cachedBy(await gitTreeKey(base, head, moduleRepoPaths, layout.fingerprint), head, build);
}

/**
 * A base directory with a layout file of its own (buf.yaml, buf.work.yaml,
 * protogov.yaml) is read with its own modules, as `buf breaking --against`
 * does: files moved between roots then compare by their module-relative
 * paths. Without one, it is laid out like the head.
 */
function ownLayout(dir: string, head: LoadedConfig): LoadedConfig {
  if (!["protogov.yaml", "buf.yaml", "buf.work.yaml"].some((f) => existsSync(join(dir, f)))) return head;
  const own = loadConfig({ startDir: dir });
  return own.root === dir ? { ...head, config: { ...head.config, modules: own.config.modules }, root: dir } : head;
}

/**
 * `--against FILE` must be a binary buf image (or FileDescriptorSet): anything else would fail deep
 * in the decoder as an internal error. Scanning reads only the top-level fields of each file.
 */
function checkImage(path: string, label: string): void {
  const bytes = readFileSync(path);
  if (bytes.length === 0) return;
  let files = 0;
  let problem = "it holds no files";
  try {
    files = scanImage(bytes).size;
  } catch (e) {
    problem = `it does not decode (${e instanceof Error ? e.message : String(e)})`;
  }
  if (files === 0) {
    throw new InputError(`--against ${label} is not a buf image: ${problem}`, {
      hint: "pass a binary image (buf build -o base.binpb), a directory holding the base protos, or a git ref",
    });
  }
}

/**
 * A full base image is kept in the cache under its key, so the same base
 * compiles once. Each entry has a sidecar with its length and SHA-256: an entry
 * that does not match (empty, cut off by a full disk, corrupted, edited) is
 * never read as the base, which would make a deleted field look like no change;
 * it is recompiled and written again.
 */
async function cachedBy(key: string, project: Project, build: () => Promise<BaseImage>): Promise<BaseImage> {
  if (cacheDisabled()) return build();
  const cached = join(cacheDir(), `base-${key}.binpb`);
  if (isVerifiedFile(cached)) return { imagePath: cached, pathOf: (p) => mapByModules(p, project), dispose: () => undefined };
  const side = await build();
  writeVerifiedFile(cached, readFileSync(side.imagePath));
  return side;
}

async function compileSide(project: Project, label: string): Promise<BaseImage> {
  const ws = createWorkspace(project);
  if (project.inScope.length === 0) {
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

/** Everything outside the protos that changes an image: protogov's and buf's versions (package.json pins). */
function versionSalt(): string {
  return readFileSync(new URL("../../../../package.json", import.meta.url), "utf8");
}

/** Content hash of a directory base: every module file's path and bytes. */
function contentKey(project: Project): string {
  const hash = createHash("sha256");
  hash.update(versionSalt());
  for (const m of project.modules) hash.update(`module ${m.rel}\0${m.excludes.join(",")}\n`);
  for (const f of project.files) {
    hash.update(`${f.rel}\0`);
    hash.update(readFileSync(f.abs));
  }
  return hash.digest("hex").slice(0, 32);
}

/** A git base's content hash for free: the tree ids of the module directories. */
async function gitTreeKey(
  base: Extract<Base, { kind: "git" }>,
  head: Project,
  moduleRepoPaths: string[],
  layoutFingerprint: string,
): Promise<string> {
  const hash = createHash("sha256");
  hash.update(versionSalt());
  hash.update(`layout ${layoutFingerprint}\n`);
  for (const [i, path] of moduleRepoPaths.entries()) {
    const tree = await gitMaybe(["rev-parse", `${base.commit}:${path === "." ? "" : path}`], base.repoRoot);
    hash.update(`${path}\0${tree ?? "none"}\0${head.modules[i]?.excludes.join(",") ?? ""}\n`);
  }
  return hash.digest("hex").slice(0, 32);
}

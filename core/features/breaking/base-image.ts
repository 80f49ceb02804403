/**
 * Builds the base side's image. A git base is read straight from git objects
 * (ls-tree + one cat-file stream: no checkout, the user's work tree is never
 * touched); full images are cached by the git tree ids of the modules, so the
 * base of a branch is compiled once. Incremental runs materialize only the
 * files asked for and their import closure.
 */

import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { cacheDir } from "../../engines/cache/cache-dir.js";
import { compileProject } from "../../engines/compile/compile.js";
import { createWorkspace } from "../../engines/compile/workspace.js";
import { scanImage } from "../../engines/diff/diff-images.js";
import { gitMaybe, listTree } from "../../engines/git/git.js";
import { materialize } from "../../engines/git/materialize.js";
import { InputError } from "../../model/errors.js";
import { writeFileAtomic } from "../../model/fs/atomic-write.js";
import { removeTemp, tempDir } from "../../model/fs/lifecycle.js";
import { type Project, toPosix } from "../../model/project/project.js";
import { narrowTo, projectAt } from "../../model/project/project-at.js";
import type { Base } from "./base.js";

export interface BaseImage {
  imagePath: string;
  /** Project-relative path of a base file, by import path. */
  pathOf: (importPath: string) => string;
  dispose(): void;
}

export { cacheDir };

/** `only`: import paths for an incremental run (plus their closure); undefined = everything. */
export async function buildBaseImage(base: Base, head: Project, only?: ReadonlySet<string>): Promise<BaseImage> {
  if (base.kind === "image") {
    checkImage(base.path, base.label);
    return { imagePath: base.path, pathOf: (p) => p, dispose: () => undefined };
  }
  if (base.kind === "dir") {
    const project = projectAt(base.path, head.loaded);
    if (only) return compileSide(narrowTo(project, only), base.label);
    return cachedBy(contentKey(project), project, () => compileSide(project, base.label));
  }
  const moduleRepoPaths = head.modules.map((m) => toPosix(relative(base.repoRoot, m.dir)) || ".");
  const build = async (): Promise<BaseImage> => {
    const root = tempDir("protogov-base-");
    try {
      const entries = await listTree(base.commit, moduleRepoPaths, base.repoRoot);
      const source = { entries, label: base.commit.slice(0, 12), repoRoot: base.repoRoot };
      await materialize(source, { repoPaths: moduleRepoPaths, rels: head.modules.map((m) => m.rel) }, root, only);
      const project = projectAt(root, head.loaded);
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
  return cachedBy(await gitTreeKey(base, head, moduleRepoPaths), head, build);
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

/** PROTOGOV_NO_CACHE=1 (or true) compiles the base every time and neither reads nor writes the cache. */
export function cacheDisabled(): boolean {
  const v = (process.env["PROTOGOV_NO_CACHE"] ?? "").toLowerCase();
  return v !== "" && v !== "0" && v !== "false";
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
  if (verifiedEntry(cached)) return { imagePath: cached, pathOf: (p) => mapByModules(p, project), dispose: () => undefined };
  const side = await build();
  try {
    mkdirSync(dirname(cached), { recursive: true });
    const bytes = readFileSync(side.imagePath);
    // The image first, then the sidecar that vouches for it: a crash in between leaves an entry without one.
    writeFileAtomic(cached, bytes);
    writeFileAtomic(`${cached}.sum`, entrySum(bytes));
  } catch {
    // A cache that cannot be written (read-only home, full disk) only costs speed next time.
  }
  return side;
}

function entrySum(bytes: Uint8Array): string {
  return `${bytes.length} ${createHash("sha256").update(bytes).digest("hex")}\n`;
}

/** True when the entry and its sidecar exist and agree (length, then hash); anything else is a miss. */
function verifiedEntry(file: string): boolean {
  try {
    const [length, hash] = readFileSync(`${file}.sum`, "utf8").trim().split(" ");
    if (statSync(file).size !== Number(length)) return false;
    return entrySum(readFileSync(file)).trim() === `${length} ${hash}`;
  } catch {
    return false;
  }
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
async function gitTreeKey(base: Extract<Base, { kind: "git" }>, head: Project, moduleRepoPaths: string[]): Promise<string> {
  const hash = createHash("sha256");
  hash.update(versionSalt());
  for (const [i, path] of moduleRepoPaths.entries()) {
    const tree = await gitMaybe(["rev-parse", `${base.commit}:${path === "." ? "" : path}`], base.repoRoot);
    hash.update(`${path}\0${tree ?? "none"}\0${head.modules[i]?.excludes.join(",") ?? ""}\n`);
  }
  return hash.digest("hex").slice(0, 32);
}

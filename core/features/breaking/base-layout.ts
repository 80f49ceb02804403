/**
 * The module layout of a base commit, read from that commit's own layout
 * files (protogov.yaml, buf.yaml, buf.work.yaml), as `buf breaking --against`
 * reads each side with its own configuration: a repository that moved its
 * protos from `root/` to `proto/` then compares files by their module-relative
 * paths instead of calling every file deleted. Only the layout is taken; the
 * rules stay the current side's.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, posix, relative } from "node:path";
import { listTree, readBlobs } from "../../engines/git/git.js";
import { loadConfig } from "../../model/config/load.js";
import type { LoadedConfig } from "../../model/config/protogov-config.js";
import { removeTemp, tempDir } from "../../model/fs/lifecycle.js";
import { type Project, toPosix } from "../../model/project/project.js";
import type { Base } from "./base.js";

const LAYOUT_FILES = ["protogov.yaml", "buf.yaml", "buf.work.yaml"];

export interface BaseLayout {
  /** The config to lay the base out with (the head's, with the base's modules). */
  loaded: LoadedConfig;
  /** Each module's directory in the repository at the base commit, and relative to the project. */
  repoPaths: string[];
  rels: string[];
  /** The layout files' blob ids at the base, for the cache key. */
  fingerprint: string;
}

export async function layoutAtCommit(base: Extract<Base, { kind: "git" }>, head: Project): Promise<BaseLayout> {
  const projectDir = toPosix(relative(base.repoRoot, head.root)) || ".";
  const at = (file: string) => (projectDir === "." ? file : `${projectDir}/${file}`);
  const headLayout: BaseLayout = {
    loaded: head.loaded,
    repoPaths: head.modules.map((m) => toPosix(relative(base.repoRoot, m.dir)) || "."),
    rels: head.modules.map((m) => m.rel),
    fingerprint: "",
  };
  const entries = await listTree(base.commit, LAYOUT_FILES.map(at), base.repoRoot);
  if (entries.length === 0) return headLayout;
  const blobs = await readBlobs(
    entries.map((e) => e.oid),
    base.repoRoot,
  );
  // The usual case: the layout files did not change since the base.
  const unchanged = LAYOUT_FILES.every((f) => {
    const entry = entries.find((e) => e.path === at(f));
    const current = readIfExists(join(head.root, f));
    return entry ? current !== undefined && current.equals(blobs.get(entry.oid) ?? Buffer.alloc(0)) : current === undefined;
  });
  if (unchanged) return headLayout;
  const dir = tempDir("protogov-base-layout-");
  try {
    // A `.git` marks the boundary: the config search stops in the temporary tree.
    mkdirSync(join(dir, ".git"));
    const projectAt = join(dir, projectDir);
    mkdirSync(projectAt, { recursive: true });
    for (const e of entries) writeFileSync(join(dir, e.path), blobs.get(e.oid) ?? "");
    const own = loadConfig({ startDir: projectAt });
    const modules = own.config.modules;
    return {
      loaded: { ...head.loaded, config: { ...head.loaded.config, modules } },
      repoPaths: modules.map((m) => posix.normalize(projectDir === "." ? m.path : `${projectDir}/${m.path}`)),
      rels: modules.map((m) => posix.normalize(m.path)),
      fingerprint: entries.map((e) => `${e.path}:${e.oid}`).join(","),
    };
  } catch {
    // A base whose layout files do not load is laid out like the head (as before this existed).
    return headLayout;
  } finally {
    removeTemp(dir);
  }
}

function readIfExists(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

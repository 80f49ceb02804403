/**
 * A temporary buf v2 workspace that links the user's modules and protogov's own
 * option protos side by side, so `import "protogov/errors/v1/errors.proto"`
 * resolves without any setup in the user's repository and nothing is written
 * there. Module directories are symlinked (buf follows them), never copied.
 */
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { removeTemp, tempDir } from "../../model/fs/lifecycle.js";
import type { Project } from "../../model/project/project.js";

export interface BufWorkspace {
  dir: string;
  /** Workspace-relative directory of each project module (`m0`, `m1`, ...). */
  moduleDirs: string[];
  /** Workspace-relative directory of protogov's own protos, when linked. */
  protogovDir: string | undefined;
  dispose(): void;
}

/** The `proto/` directory shipped in this package. */
export function protogovProtoDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "proto", "protogov"))) return join(dir, "proto");
    const up = dirname(dir);
    if (up === dir) throw new Error("protogov's proto directory is missing from the installation");
    dir = up;
  }
}

export interface WorkspaceOptions {
  /**
   * Further top-level sections of the workspace's buf.yaml (`lint`, `plugins`),
   * in the order given. Called with the workspace directory, so a caller can
   * install files there (a check plugin) before buf.yaml names them.
   */
  configure?: (dir: string) => Record<string, unknown>;
}

export function createWorkspace(project: Project, opts: WorkspaceOptions = {}): BufWorkspace {
  const dir = tempDir("protogov-ws-");
  const moduleDirs = project.modules.map((_, i) => `m${i}`);
  const lines = ["version: v2", "modules:"];
  project.modules.forEach((m, i) => {
    if (m.leftOutFiles?.length) {
      linkFilesOneByOne(project, i, join(dir, `m${i}`));
    } else {
      symlinkSync(m.dir, join(dir, `m${i}`), "dir");
    }
    lines.push(`  - path: m${i}`);
    if (m.excludes.length > 0 && !m.leftOutFiles?.length) {
      lines.push("    excludes:");
      for (const e of m.excludes) lines.push(`      - ${JSON.stringify(`m${i}/${relative(m.dir, e).split("\\").join("/")}`)}`);
    }
  });
  // The user may vendor protogov's protos; linking ours too would make duplicate files.
  let protogovDir: string | undefined;
  if (!project.byImportPath.has("protogov/errors/v1/errors.proto")) {
    symlinkSync(protogovProtoDir(), join(dir, "protogov-protos"), "dir");
    lines.push("  - path: protogov-protos");
    protogovDir = "protogov-protos";
  }
  for (const [key, value] of Object.entries(opts.configure?.(dir) ?? {})) lines.push(`${key}: ${JSON.stringify(value)}`);
  writeFileSync(join(dir, "buf.yaml"), `${lines.join("\n")}\n`);
  return {
    dir,
    moduleDirs,
    protogovDir,
    dispose: () => removeTemp(dir),
  };
}

/**
 * A module holding single files that must stay out (buf's excludes name
 * directories only) is mirrored file by file: buf then sees exactly the files
 * protogov listed. Slower than one directory link, so only for such modules.
 */
function linkFilesOneByOne(project: Project, module: number, into: string): void {
  const leftOut = new Set(project.modules[module]?.leftOutFiles);
  for (const f of project.files) {
    if (f.module !== module || leftOut.has(f.abs)) continue;
    const link = join(into, f.importPath);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(f.abs, link, "file");
  }
}

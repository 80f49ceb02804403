/**
 * A temporary buf v2 workspace that links the user's modules and protogov's own
 * option protos side by side, so `import "protogov/errors/v1/errors.proto"`
 * resolves without any setup in the user's repository and nothing is written
 * there. Module directories are symlinked (buf follows them), never copied.
 */
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { bufLintSettings } from "../lint/buf-lint.js";
import { installRulesPlugin, RULES_CATEGORY, type RulesPlugin } from "../lint/rules-plugin/install.js";
import type { Project } from "../project/project.js";
import type { RulesInput } from "../rules/engine.js";

export interface BufWorkspace {
  dir: string;
  /** Workspace-relative directory of each project module (`m0`, `m1`, ...). */
  moduleDirs: string[];
  /** Workspace-relative directory of protogov's own protos, when linked. */
  protogovDir: string | undefined;
  /** protogov's rules as a buf check plugin, when the workspace was created with them. */
  rulesPlugin: RulesPlugin | undefined;
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
  /** Install protogov's rules as a check plugin that `buf lint` on these sources runs. */
  rules?: RulesInput;
}

export function createWorkspace(project: Project, opts: WorkspaceOptions = {}): BufWorkspace {
  const dir = mkdtempSync(join(tmpdir(), "protogov-ws-"));
  const moduleDirs = project.modules.map((_, i) => `m${i}`);
  const lines = ["version: v2", "modules:"];
  project.modules.forEach((m, i) => {
    symlinkSync(m.dir, join(dir, `m${i}`), "dir");
    lines.push(`  - path: m${i}`);
    if (m.excludes.length > 0) {
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
  // The lint settings also live here: `buf lint` on the sources (few-file runs) reads them from the
  // workspace, since a --config would replace the module layout.
  const lint = bufLintSettings(project.loaded.config.lint);
  const rulesPlugin = opts.rules ? installRulesPlugin(dir, opts.rules) : undefined;
  if (rulesPlugin) {
    lint.use.push(RULES_CATEGORY);
    lines.push(`plugins: ${JSON.stringify([{ plugin: rulesPlugin.command }])}`);
  }
  lines.push(`lint: ${JSON.stringify(lint)}`);
  writeFileSync(join(dir, "buf.yaml"), `${lines.join("\n")}\n`);
  return {
    dir,
    moduleDirs,
    protogovDir,
    rulesPlugin,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** buf's lint rules, run on the compiled image (no second compile). */
import { statSync } from "node:fs";
import { runBuf } from "../buf/buf.js";
import { parseBufJsonLines, workspacePathToProject } from "../compile/buf-paths.js";
import type { BufWorkspace } from "../compile/workspace.js";
import type { LintConfig } from "../config/types.js";
import type { Finding } from "../findings/finding.js";
import type { Project } from "../project/project.js";
import { findRule } from "../rules/registry.js";

export function bufLintConfig(lint: LintConfig): string {
  // buf's rules switched off in protogov.yaml are left out here, so buf does not even run them.
  // protogov's own ids must not reach buf: it rejects ids it does not know.
  const off = Object.entries(lint.rules)
    .filter(([id, s]) => s.severity === "off" && findRule(id) === undefined)
    .map(([id]) => id);
  return JSON.stringify({
    version: "v2",
    lint: { use: lint.use, except: [...lint.except, ...off], disallow_comment_ignores: false },
  });
}

/**
 * buf lint's live heap is a little under 58x the image it reads (googleapis: 78 MB
 * image, ~4.2 GB; a limit of 50x made the collector run constantly, +20% time). Without a limit Go lets the heap grow to twice the live size
 * between collections, which is what makes lint on an image peak above lint
 * from sources. A soft limit at that ratio keeps the peak near the live size
 * for a few percent more CPU; it scales with the input, so bigger trees are
 * never squeezed into thrashing. A user's own GOMEMLIMIT or GOGC wins.
 */
/** Lint from sources names files by workspace path (`m0/acme/x.proto`); the image by import path. */
function stripModuleDir(path: string, ws: BufWorkspace): string {
  const slash = path.indexOf("/");
  return slash > 0 && ws.moduleDirs.includes(path.slice(0, slash)) ? path.slice(slash + 1) : path;
}

function lintMemoryLimit(imagePath: string): Record<string, string> {
  if (process.env["GOMEMLIMIT"] || process.env["GOGC"]) return {};
  const mib = Math.max(512, Math.ceil((statSync(imagePath).size * 58) / (1024 * 1024)));
  return { GOMEMLIMIT: `${mib}MiB` };
}

/** buf lint on the compiled image: the way for large runs (one compile, bounded memory). */
export function runBufLint(imagePath: string, project: Project, ws: BufWorkspace): Promise<Finding[]> {
  const config = bufLintConfig(project.loaded.config.lint);
  return lintWith([imagePath, "--config", config], lintMemoryLimit(imagePath), project, ws);
}

/**
 * buf lint straight from the sources, for runs over a few files (the pre-commit
 * hook, incremental checks): it compiles those files itself, concurrently with
 * protogov's own build, instead of waiting for the image. On two cores that
 * overlaps the two small compiles; on a large run it would double the work.
 */
export function runBufLintOnSources(buildArgs: readonly string[], project: Project, ws: BufWorkspace): Promise<Finding[]> {
  // The lint settings come from the workspace's buf.yaml (see compile/workspace.ts).
  return lintWith(buildArgs, {}, project, ws);
}

async function lintWith(input: readonly string[], env: Record<string, string>, project: Project, ws: BufWorkspace): Promise<Finding[]> {
  const lint = project.loaded.config.lint;
  const result = await runBuf(["lint", ...input, "--error-format", "json"], { cwd: ws.dir, env });
  const findings: Finding[] = [];
  for (const raw of parseBufJsonLines(result.stdout)) {
    // Compile errors are the compile step's to report, with hints.
    if (raw.type === "COMPILE") continue;
    const own = project.byImportPath.get(raw.path) ?? project.byImportPath.get(stripModuleDir(raw.path, ws));
    // Files of protogov's own option protos are built alongside but are not the user's to lint.
    if (!own && raw.path.startsWith("protogov/")) continue;
    const setting = lint.rules[raw.type];
    findings.push({
      rule: raw.type,
      severity: setting?.severity === "warn" ? "warn" : "error",
      file: own ? own.rel : workspacePathToProject(raw.path, project, ws),
      line: raw.start_line ?? 0,
      column: raw.start_column ?? 0,
      ...(raw.end_line ? { endLine: raw.end_line } : {}),
      ...(raw.end_column ? { endColumn: raw.end_column } : {}),
      message: raw.message,
      source: "buf-lint",
    });
  }
  return findings;
}

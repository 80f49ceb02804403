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
 * buf lint's live heap is about 50x the image it reads (googleapis: 78 MB image,
 * ~4 GB heap). Without a limit Go lets the heap grow to twice the live size
 * between collections, which is what makes lint on an image peak above lint
 * from sources. A soft limit at that ratio keeps the peak near the live size
 * for a few percent more CPU; it scales with the input, so bigger trees are
 * never squeezed into thrashing. A user's own GOMEMLIMIT or GOGC wins.
 */
function lintMemoryLimit(imagePath: string): Record<string, string> {
  if (process.env["GOMEMLIMIT"] || process.env["GOGC"]) return {};
  const mib = Math.max(512, Math.ceil((statSync(imagePath).size * 50) / (1024 * 1024)));
  return { GOMEMLIMIT: `${mib}MiB` };
}

export async function runBufLint(imagePath: string, project: Project, ws: BufWorkspace): Promise<Finding[]> {
  const lint = project.loaded.config.lint;
  const result = await runBuf(["lint", imagePath, "--config", bufLintConfig(lint), "--error-format", "json"], {
    cwd: ws.dir,
    env: lintMemoryLimit(imagePath),
  });
  const findings: Finding[] = [];
  for (const raw of parseBufJsonLines(result.stdout)) {
    const own = project.byImportPath.get(raw.path);
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

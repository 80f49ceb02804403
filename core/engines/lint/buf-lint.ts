/** buf's lint rules, run on the compiled image (no second compile). */
import { statSync } from "node:fs";
import type { Finding } from "../../model/findings/finding.js";
import type { Project } from "../../model/project/project.js";
import { BufCrashError, runBuf } from "../buf/buf.js";
import { goMemoryEnv } from "../buf/go-memory.js";
import { type BufJsonFinding, parseBufJsonLines, workspacePathToProject } from "../compile/buf-paths.js";
import { compileFinding, crashFindings, lintInput, probeTargets } from "../compile/compile.js";
import type { BufWorkspace } from "../compile/workspace.js";
import { lintHint } from "./lint-hints.js";
import { bufLintSettings, type LintWorkspace } from "./lint-workspace.js";

/** Lint from sources names files by workspace path (`m0/acme/x.proto`); the image by import path. */
function stripModuleDir(path: string, ws: BufWorkspace): string {
  const slash = path.indexOf("/");
  return slash > 0 && ws.moduleDirs.includes(path.slice(0, slash)) ? path.slice(slash + 1) : path;
}

const LIVE_HEAP_HEADROOM = 54;

/**
 * buf lint on a large image collects only at a soft limit of 54x the image (see
 * buf/go-memory.ts). Measured on googleapis (78 MB image, GODEBUG=gctrace=1):
 * the live heap tops out at 3.4 GB (43x); at 54x (4.0 GiB) the peak RSS is
 * 4.0-4.1 GB, below buf lint from sources (4.2-4.6 GB), and GOGC=off saves ~3 s
 * of CPU against Go's default pacing under the same limit; at 49x the
 * collector runs back to back (+2.5 s), and Go's default pacing without a
 * limit peaks at 4.3-4.4 GB.
 */
function lintMemoryEnv(imagePath: string): Record<string, string> {
  return goMemoryEnv(statSync(imagePath).size, LIVE_HEAP_HEADROOM);
}

/** buf lint on the compiled image: the way for large runs (one compile, bounded memory). */
export function runBufLint(imagePath: string, project: Project, ws: BufWorkspace): Promise<Finding[]> {
  const config = JSON.stringify({ version: "v2", lint: bufLintSettings(project.loaded.config.lint) });
  return lintWith([imagePath, "--config", config], lintMemoryEnv(imagePath), project, ws);
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

/**
 * buf lint from the sources of a large tree (plugin included) collects only at
 * 60x the sources. Measured on googleapis (60 MiB of sources, GODEBUG=gctrace=1):
 * the live heap tops out at 3.4 GB (56x); at 60x the peak RSS is 3.8 GB and the
 * run takes 32 s, against 4.5 GB and 37 s with Go's default pacing; 56x and 64x
 * cost the same time (3.9 and 4.0 GB).
 */
const SOURCE_LIVE_HEAP_HEADROOM = 60;

/**
 * The whole lint from the sources, in one buf run: buf compiles, runs its own
 * rules and, through the workspace's check plugin, protogov's (see
 * rules-plugin/install.ts). Compile errors are this step's to report, as the
 * compile step's would be. Without a plugin (every governance rule off), it is
 * plain buf lint.
 */
export async function runLintFromSources(project: Project, ws: LintWorkspace): Promise<Finding[]> {
  const sources = probeTargets(project, ws);
  const findings: Finding[] = [...sources.findings];
  if (sources.allBinary) return findings;
  const input = [...lintInput(project, ws), ...sources.excludeArgs];
  const env = goMemoryEnv(project.narrowed ? 0 : sources.bytes, SOURCE_LIVE_HEAP_HEADROOM, { GOGC: "300" });
  const compileErrors: Finding[] = [];
  try {
    findings.push(...(await lintWith(input, env, project, ws, (raw) => compileErrors.push(compileFinding(raw, project, ws)))));
  } catch (e) {
    if (!(e instanceof BufCrashError)) throw e;
    // Nothing was checked: the files buf crashes on are the findings, as a compile would report them.
    return crashFindings(project, ws, e, sources);
  }
  findings.push(...compileErrors);
  if (ws.rulesPlugin) findings.push(...ws.rulesPlugin.collect(compileErrors.length > 0));
  return findings;
}

async function lintWith(
  input: readonly string[],
  env: Record<string, string>,
  project: Project,
  ws: BufWorkspace,
  onCompileError: (raw: BufJsonFinding) => void = () => {},
): Promise<Finding[]> {
  const lint = project.loaded.config.lint;
  const result = await runBuf(["lint", ...input, "--error-format", "json"], { cwd: ws.dir, env }).catch((e: unknown) => {
    // buf 1.75 fails ("a bug in buf ... resultRules was empty") when the configuration switches every one of its rules off.
    if (e instanceof Error && e.message.includes("resultRules was empty")) return { stdout: "" };
    throw e;
  });
  const findings: Finding[] = [];
  for (const raw of parseBufJsonLines(result.stdout)) {
    // Compile errors are reported by the step that compiles, with hints.
    if (raw.type === "COMPILE") {
      onCompileError(raw);
      continue;
    }
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
      hint: lintHint(raw.type),
      source: "buf-lint",
    });
  }
  return findings;
}

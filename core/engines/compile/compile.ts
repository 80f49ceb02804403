/**
 * Compiles the project once into a buf image that every later step reuses
 * (buf lint, buf breaking and protogov's own rules all read the image).
 * Errors in the user's protos become findings with file, line and column.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import type { Finding } from "../../model/findings/finding.js";
import type { Project, ProtoFile } from "../../model/project/project.js";
import { BUF_FINDINGS, BufCrashError, runBuf } from "../buf/buf.js";
import { goMemoryEnv } from "../buf/go-memory.js";
import { type BufJsonFinding, parseBufJsonLines, workspacePathToProject } from "./buf-paths.js";
import type { BufWorkspace } from "./workspace.js";

export interface CompileResult {
  /** Absolute path of the image, or undefined when compilation failed. */
  imagePath: string | undefined;
  findings: Finding[];
}

export async function compileProject(project: Project, ws: BufWorkspace): Promise<CompileResult> {
  const sources = probeTargets(project, ws);
  const findings: Finding[] = [...sources.findings];
  if (sources.allBinary) return { imagePath: undefined, findings };
  const imagePath = join(ws.dir, "image.binpb");
  const args = ["build", ...buildInput(project, ws), ...sources.excludeArgs, "-o", imagePath, "--error-format", "json"];
  let result: Awaited<ReturnType<typeof runBuf>>;
  try {
    result = await runBuf(args, { cwd: ws.dir, env: buildMemoryEnv(project, sources.bytes) });
  } catch (e) {
    if (!(e instanceof BufCrashError)) throw e;
    const crashing = await crashingFiles(project, ws, sources.excludeArgs);
    if (crashing.length === 0) throw e;
    return { imagePath: undefined, findings: [...findings, ...crashing] };
  }
  for (const raw of parseBufJsonLines(`${result.stdout}\n${result.stderr}`)) findings.push(compileFinding(raw, project, ws));
  const failed = result.code !== 0;
  return { imagePath: failed ? undefined : imagePath, findings };
}

/**
 * buf crashed on the whole build: the files that make it crash, found by
 * building halves of the targets until single files remain (a few builds for a
 * few files, log2(n) rounds for many). Each becomes a COMPILE finding with
 * buf's one-line message.
 */
async function crashingFiles(project: Project, ws: BufWorkspace, excludeArgs: readonly string[]): Promise<Finding[]> {
  const input = project.modules.length === 1 ? (ws.moduleDirs[0] ?? "m0") : ".";
  const crashes = async (files: readonly ProtoFile[]): Promise<string | undefined> => {
    const paths = files.flatMap((f) => ["--path", `${ws.moduleDirs[f.module]}/${f.importPath}`]);
    try {
      await runBuf(["build", input, ...paths, ...excludeArgs, "-o", "/dev/null", "--error-format", "json"], {
        cwd: ws.dir,
        okCodes: [0, 1, BUF_FINDINGS],
      });
      return undefined;
    } catch (e) {
      if (e instanceof BufCrashError) return e.line;
      throw e;
    }
  };
  const found: Finding[] = [];
  const search = async (files: readonly ProtoFile[], line: string): Promise<void> => {
    if (files.length === 1 && files[0]) {
      found.push(crashFinding(files[0], line));
      return;
    }
    const half = Math.ceil(files.length / 2);
    for (const part of [files.slice(0, half), files.slice(half)]) {
      const crash = await crashes(part);
      if (crash !== undefined) await search(part, crash);
    }
  };
  const all = project.inScope;
  const line = await crashes(all);
  if (line !== undefined) await search(all, line);
  return found;
}

function crashFinding(file: ProtoFile, line: string): Finding {
  return {
    rule: "COMPILE",
    severity: "error",
    file: file.rel,
    line: 1,
    column: 1,
    message: `the compiler (buf) crashes on this file: ${line}`,
    hint: "the file is probably cut off or malformed (it ends inside a string, comment or option); fix or restore it",
    source: "buf-compile",
  };
}

export interface ProbedSources {
  /** A COMPILE finding for each target that is not text. */
  findings: Finding[];
  /** `--exclude-path` arguments that keep those files away from buf. */
  excludeArgs: string[];
  /** True when no target is left to compile. */
  allBinary: boolean;
  /** Total size of the targets, which sizes buf's memory settings. */
  bytes: number;
}

/** Finds the targets buf must not see (binary files named .proto) and measures the rest. */
export function probeTargets(project: Project, ws: BufWorkspace): ProbedSources {
  let bytes = 0;
  const problems = new Map<ProtoFile, string>();
  const binaries = project.inScope.filter((f) => {
    const probe = probeSource(f);
    bytes += probe.size;
    if (probe.unreadable) problems.set(f, probe.unreadable);
    return probe.binary || probe.unreadable !== undefined;
  });
  const findings = binaries.map(
    (f): Finding => ({
      rule: "COMPILE",
      severity: "error",
      file: f.rel,
      line: 1,
      column: 1,
      message: problems.has(f)
        ? `this file cannot be read (${problems.get(f)})`
        : "this file is not text (it holds NUL bytes or invalid UTF-8) and cannot be a .proto source",
      hint: !problems.has(f)
        ? "delete it or rename it so that it does not end in .proto"
        : ["ELOOP", "ENOENT"].includes(problems.get(f) ?? "")
          ? "it is a symbolic link that leads nowhere or to itself: fix the link or delete it"
          : "check the file's permissions, or exclude it in protogov.yaml",
      source: "buf-compile",
    }),
  );
  const excludeArgs = binaries.flatMap((f) => ["--exclude-path", `${ws.moduleDirs[f.module]}/${f.importPath}`]);
  return { findings, excludeArgs, allBinary: binaries.length === project.inScope.length, bytes };
}

/** A compile error from buf (build or lint from sources) as a finding, with a hint where one helps. */
export function compileFinding(raw: BufJsonFinding, project: Project, ws: BufWorkspace): Finding {
  return {
    rule: "COMPILE",
    severity: "error",
    file: workspacePathToProject(raw.path, project, ws),
    line: raw.start_line ?? 0,
    column: raw.start_column ?? 0,
    ...(raw.end_line ? { endLine: raw.end_line } : {}),
    ...(raw.end_column ? { endColumn: raw.end_column } : {}),
    message: raw.message,
    ...hintFor(raw.message, project),
    source: "buf-compile",
  };
}

/**
 * buf build allocates heavily and frees little: on googleapis (63 MB of sources) Go's default
 * pacing spends a quarter of its CPU collecting. A full build of a large tree collects only at
 * 50x the sources (3.0 GB there: the peak GOGC=300 reached anyway, below the lint step's, which
 * sets the run's peak): 14.3 s / 21.9 s CPU against 16.4 s / 25.0 s with GOGC=300. A narrowed
 * build compiles only the targets and their imports, whose size is not known up front, and
 * small trees gain nothing from a limit: both keep GOGC=300 (~20% less CPU than the default).
 */
function buildMemoryEnv(project: Project, sourceBytes: number): Record<string, string> {
  return goMemoryEnv(project.narrowed ? 0 : sourceBytes, 50, { GOGC: "300" });
}

/** The build input: the single module directly (protogov's protos stay imports), or the workspace. */
export function buildInput(project: Project, ws: BufWorkspace): string[] {
  const single = project.modules.length === 1;
  const input = single ? (ws.moduleDirs[0] ?? "m0") : ".";
  if (!project.narrowed) return [input];
  return [input, ...project.inScope.flatMap((t) => ["--path", `${ws.moduleDirs[t.module]}/${t.importPath}`])];
}

/**
 * What `buf lint` on the sources is given: the workspace itself, so that its
 * buf.yaml (protogov's lint settings, the rules plugin) applies even when the
 * module directory holds a buf.yaml of its own (buf would take that one for a
 * directory input), and the targets by `--path`.
 */
export function lintInput(project: Project, ws: BufWorkspace): string[] {
  if (project.modules.length > 1) return buildInput(project, ws);
  const dir = ws.moduleDirs[0] ?? "m0";
  // buf refuses a module's own path after --path: a whole module is named by its top-level entries.
  const paths = project.narrowed
    ? project.inScope.map((t) => t.importPath)
    : [...new Set(project.inScope.map((t) => t.importPath.split("/")[0] ?? t.importPath))];
  return [".", ...paths.flatMap((p) => ["--path", `${dir}/${p}`])];
}

/**
 * buf crashed on the sources (a Go panic): the compile's search names the
 * files it crashes on as COMPILE findings; none found, the crash stands.
 */
export async function crashFindings(
  project: Project,
  ws: BufWorkspace,
  crash: BufCrashError,
  sources: ProbedSources = probeTargets(project, ws),
): Promise<Finding[]> {
  const crashing = await crashingFiles(project, ws, sources.excludeArgs);
  if (crashing.length === 0) throw crash;
  return [...sources.findings, ...crashing];
}

function hintFor(message: string, project: Project): { hint?: string } {
  if (message.includes("imported file does not exist")) {
    const roots = project.modules.map((m) => m.rel).join(", ");
    return {
      hint: `imports resolve against the module roots (${roots}); fix the path or add the directory holding it to modules in protogov.yaml`,
    };
  }
  if (message.includes("unexpected") || message.includes("syntax error")) {
    return { hint: "fix the syntax at this position; `protogov format` only runs on files that parse" };
  }
  return {};
}

const PROBE = Buffer.alloc(64 * 1024);
const UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A .proto that holds NUL bytes or invalid UTF-8 in its first 64 KiB is not source. The size
 * comes with the open file for free and sizes buf's memory settings.
 */
function probeSource(file: ProtoFile): { binary: boolean; size: number; unreadable?: string } {
  let fd: number;
  try {
    fd = openSync(file.abs, "r");
  } catch (e) {
    return { binary: false, size: 0, unreadable: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
  try {
    const size = fstatSync(fd).size;
    const buf = PROBE;
    const n = readSync(fd, buf, 0, buf.length, 0);
    const head = buf.subarray(0, n);
    if (head.includes(0)) return { binary: true, size };
    try {
      // A multi-byte character cut at the 64 KiB boundary is not an error.
      UTF8.decode(n === buf.length ? head.subarray(0, n - 4) : head);
      return { binary: false, size };
    } catch {
      return { binary: true, size };
    }
  } finally {
    closeSync(fd);
  }
}

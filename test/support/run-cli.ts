/**
 * Runs the compiled CLI as a real child process: no mocks, the real buf binary
 * answers. Colors and the debug stack are switched off so output is stable.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cliBin } from "./paths.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string>;
}

/** Variables that would change what a run does (a debug stack, a CI base branch to fetch); tests set them explicitly. */
const UNSET = ["PROTOGOV_DEBUG", "GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME"];

export function runCli(args: readonly string[], opts: RunOptions): Promise<CliResult> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !UNSET.includes(name)));
  const env: NodeJS.ProcessEnv = { ...inherited, NO_COLOR: "1", ...opts.env };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [cliBin, ...args], { cwd: opts.cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      // A non-zero exit arrives as an error whose code is the exit status; anything else is a real failure.
      if (error && typeof error.code !== "number") {
        reject(error);
        return;
      }
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** The parts of the JSON report the tests read (see core/engines/reporters/json.ts). */
export interface JsonFinding {
  rule: string;
  severity: "error" | "warn";
  file: string;
  line: number;
  column: number;
  message: string;
  hint?: string;
}

export interface JsonReport {
  command: string;
  summary: { errors: number; warnings: number; files: number };
  findings: JsonFinding[];
}

/** Runs with `--format json` and parses stdout; fails the test with the output when it is not JSON. */
export async function runJson(args: readonly string[], opts: RunOptions): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const result = await runCli(["--format", "json", ...args], opts);
  let report: JsonReport;
  try {
    report = JSON.parse(result.stdout) as JsonReport;
  } catch {
    assert.fail(`expected a JSON report (exit ${result.code})\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  }
  return { code: result.code, report, stderr: result.stderr };
}

/** `file:line RULE` per finding, in report order: compact enough to compare whole lists. */
export function brief(findings: readonly JsonFinding[]): string[] {
  return findings.map((f) => `${f.file}:${f.line} ${f.rule}`);
}

/**
 * A clean run: exit 0, nothing on stderr, and "No findings." first (`check` may add the API summary
 * line when it knows a base).
 */
export function assertNoFindings(result: CliResult): void {
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.equal(result.stderr, "");
  assert.match(result.stdout, /^No findings\.\n/);
}

/** Known errors print a message and a hint: never a stack trace or the "please report" block. */
export function assertNoCrash(result: CliResult): void {
  const all = `${result.stdout}\n${result.stderr}`;
  assert.doesNotMatch(all, /\n\s+at /, `stack trace in output:\n${all}`);
  assert.doesNotMatch(all, /internal error/i, `internal error in output:\n${all}`);
}

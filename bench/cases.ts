/**
 * The benchmark cases: each pairs a protogov command with the plain buf
 * command(s) a user would otherwise run for the same answer, and the targets
 * protogov must meet. Adding a row to BENCHMARKS.md means adding an entry to
 * CASES (later: breaking, docs, the errors plugin vs protoc-gen-es, the
 * pre-commit hook).
 *
 * Both sides run with the corpus as working directory and `.` as input: buf
 * given a `--config` treats its working directory as the module, so a path
 * into a subdirectory would be refused.
 */
import { join } from "node:path";
import type { Step } from "./measure.js";

export interface BenchContext {
  /** Absolute corpus directory. */
  corpus: string;
  /** Absolute protogov repository root (holds dist/). */
  repoRoot: string;
  /** The buf binary protogov itself runs. */
  buf: string;
}

/** Largest accepted protogov/baseline ratio, per metric; absent = reported only. */
export interface Targets {
  wall?: number;
  rss?: number;
}

export interface BenchCase {
  id: string;
  title: string;
  protogov(ctx: BenchContext): Step[];
  /** What a user runs without protogov; several steps run one after another. */
  baseline(ctx: BenchContext): Step[];
  targets: Targets;
}

/** protogov's default lint categories, spelled as a buf config. */
export const BUF_LINT_CONFIG = JSON.stringify({ version: "v2", lint: { use: ["STANDARD", "COMMENTS"] } });

/** protogov exits 1 on findings, buf 100; 2 (protogov) or 1 (buf) are failures of the bench. */
const PROTOGOV_OK = [0, 1] as const;
const BUF_OK = [0, 100] as const;

/**
 * The report goes to stdout, which the harness sends to /dev/null. Not
 * `--output /dev/null`: protogov writes the report through a temporary file
 * that is renamed over the target, which would replace the /dev/null device
 * with a regular file when run as root.
 */
function protogov(ctx: BenchContext, command: string): Step {
  return {
    display: `protogov ${command} . --format json`,
    executable: process.execPath,
    args: [join(ctx.repoRoot, "dist", "cli", "bin.js"), command, ".", "--format", "json"],
    cwd: ctx.corpus,
    okCodes: PROTOGOV_OK,
  };
}

function buf(ctx: BenchContext, args: readonly string[], display: string): Step {
  return { display: `buf ${display}`, executable: ctx.buf, args, cwd: ctx.corpus, okCodes: BUF_OK };
}

function bufLint(ctx: BenchContext): Step {
  return buf(
    ctx,
    ["lint", ".", "--config", BUF_LINT_CONFIG, "--error-format", "json"],
    "lint . --config '<STANDARD+COMMENTS>' --error-format json",
  );
}

function bufFormatCheck(ctx: BenchContext): Step {
  return buf(
    ctx,
    ["format", ".", "--config", BUF_LINT_CONFIG, "--diff", "--exit-code"],
    "format . --config '<STANDARD+COMMENTS>' --diff --exit-code",
  );
}

export const CASES: readonly BenchCase[] = [
  {
    id: "lint",
    title: "protogov lint vs buf lint (STANDARD + COMMENTS)",
    protogov: (ctx) => [protogov(ctx, "lint")],
    baseline: (ctx) => [bufLint(ctx)],
    targets: { wall: 1.25, rss: 1.0 },
  },
  {
    id: "check",
    title: "protogov check vs buf format --diff --exit-code, then buf lint",
    protogov: (ctx) => [protogov(ctx, "check")],
    baseline: (ctx) => [bufFormatCheck(ctx), bufLint(ctx)],
    targets: { wall: 1.0 },
  },
];

export function caseIds(): string[] {
  return CASES.map((c) => c.id);
}

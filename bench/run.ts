/**
 * `npm run bench -- [corpus] [--runs N] [--json]`: times protogov commands
 * against the plain buf commands they replace, on the same corpus in the same
 * run, and prints a Markdown table (or JSON). Progress goes to stderr.
 *
 * Exit codes follow protogov's: 0 measured, 1 a target missed with
 * --fail-on-miss, 2 a usage error or a command that failed (not just findings).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { cpus, loadavg, release, totalmem, type } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { bufBinary } from "../core/engines/buf/buf.js";
import { listProtoFiles } from "../core/model/project/list-files.js";
import { AIP_CASES } from "./aip-cases.js";
import { BREAKING_CASES } from "./breaking-cases.js";
import { CACHE_CASES } from "./cache-cases.js";
import { type BenchCase, type BenchContext, CASES } from "./cases.js";
import { CommandFailedError, type Measurement, measureChain, type Step } from "./measure.js";
import { PLUGIN_CASES } from "./plugin-cases.js";
import { type BenchReport, caseResult, formatBytes, formatMs, hasMiss, type Machine, side, toJson, toMarkdown } from "./report.js";

interface BenchOptions {
  runs: number;
  warmup: number;
  interval: number;
  case?: string[];
  json: boolean;
  failOnMiss: boolean;
}

/** Every case, in the order the table shows them. */
const ALL_CASES: readonly BenchCase[] = [...CASES, ...CACHE_CASES, ...BREAKING_CASES, ...PLUGIN_CASES, ...AIP_CASES];

function caseIds(): string[] {
  return ALL_CASES.map((c) => c.id);
}

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const DEFAULT_CORPUS = "../shared/corpora/googleapis";

function positiveInt(min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`expected an integer ≥ ${min}`);
    return n;
  };
}

function caseList(value: string): string[] {
  const ids = value.split(",").map((id) => id.trim());
  const unknown = ids.filter((id) => !caseIds().includes(id));
  if (unknown.length > 0) throw new InvalidArgumentError(`unknown case ${unknown.join(", ")}; valid cases: ${caseIds().join(", ")}`);
  return ids;
}

function program(): Command {
  return new Command("bench")
    .description("protogov vs plain buf: wall time and peak RSS of the whole process tree")
    .argument("[corpus]", `directory of .proto files (default: ${DEFAULT_CORPUS} from the repository root)`)
    .addOption(new Option("--runs <n>", "measured runs per command; the median is reported").argParser(positiveInt(1)).default(1))
    .addOption(new Option("--warmup <n>", "unmeasured runs per command before measuring").argParser(positiveInt(0)).default(0))
    .addOption(new Option("--interval <ms>", "RSS sampling interval").argParser(positiveInt(1)).default(20))
    .addOption(new Option("--case <ids>", `only these cases, comma-separated (${caseIds().join(", ")})`).argParser(caseList))
    .option("--json", "print JSON instead of the Markdown table", false)
    .option("--fail-on-miss", "exit 1 when a target is missed", false)
    .exitOverride();
}

/** A relative corpus is taken from where the user ran npm (npm runs scripts in the package root). */
function corpusDir(arg: string | undefined): string {
  if (arg === undefined) return resolve(repoRoot, DEFAULT_CORPUS);
  return resolve(process.env["INIT_CWD"] ?? process.cwd(), arg);
}

function fail(message: string, hint?: string): never {
  process.stderr.write(`bench: ${message}\n${hint ? `  hint: ${hint}\n` : ""}`);
  process.exit(2);
}

/** Reads every file once so the first measured command does not pay for a cold disk cache. */
function warmFileCache(files: readonly string[]): void {
  for (const f of files) readFileSync(f);
}

function machine(buf: string): Machine {
  const version = execFileSync(buf, ["--version"], { encoding: "utf8" }).trim();
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? "unknown",
    memoryBytes: totalmem(),
    loadAverage: loadavg(),
    node: process.versions.node,
    buf: version,
    os: `${type()} ${release()}`,
  };
}

function describe(side: string, m: Measurement): string {
  return `${side} ${formatMs(m.wallMs)}, ${formatBytes(m.peakRssBytes)} (exit ${m.exitCodes.join("+")}, ≤${m.maxProcesses} procs)`;
}

function displays(steps: readonly Step[]): string[] {
  return steps.map((s) => s.display);
}

async function runCase(c: BenchCase, ctx: BenchContext, opts: BenchOptions) {
  const sides: Array<{ name: string; steps: Step[]; runs: Measurement[] }> = [
    { name: "protogov", steps: c.protogov(ctx), runs: [] },
    { name: "buf", steps: c.baseline(ctx), runs: [] },
  ];
  c.prepare?.(ctx);
  const total = opts.warmup + opts.runs;
  for (let i = 0; i < total; i++) {
    const warm = i < opts.warmup;
    // Alternate which side goes first, so neither always inherits the other's cache or heat.
    const order = i % 2 === 0 ? sides : [...sides].reverse();
    for (const s of order) {
      if (s.name === "protogov") c.beforeProtogov?.(ctx);
      const m = await measureChain(s.steps, opts.interval);
      const label = warm ? `warm-up ${i + 1}/${opts.warmup}` : `run ${i - opts.warmup + 1}/${opts.runs}`;
      process.stderr.write(`[${c.id} ${label}] ${describe(s.name, m)}\n`);
      if (!warm) s.runs.push(m);
    }
  }
  const [ours, theirs] = sides.map((s) => side(displays(s.steps), s.runs));
  if (!ours || !theirs) throw new Error("unreachable: two sides");
  return caseResult(c, ours, theirs);
}

async function main(): Promise<number> {
  const cmd = program();
  try {
    cmd.parse(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
  const opts = cmd.opts<BenchOptions>();
  const corpus = corpusDir(cmd.args[0]);
  if (!existsSync(corpus) || !statSync(corpus).isDirectory()) fail(`corpus ${corpus} is not a directory`);
  if (!existsSync(resolve(repoRoot, "dist", "cli", "bin.js"))) fail("dist/cli/bin.js is missing", "run `npm run build` first");
  const files = listProtoFiles(corpus, []);
  if (files.length === 0) fail(`no .proto files under ${corpus}`);
  const ctx: BenchContext = { corpus, repoRoot, buf: bufBinary() };
  const report: BenchReport = {
    corpus,
    protoFiles: files.length,
    runs: opts.runs,
    warmup: opts.warmup,
    sampleIntervalMs: opts.interval,
    startedAt: new Date().toISOString(),
    machine: machine(ctx.buf),
    cases: [],
  };
  warmFileCache(files);
  const selected = ALL_CASES.filter((c) => opts.case === undefined || opts.case.includes(c.id));
  for (const c of selected) report.cases.push(await runCase(c, ctx, opts));
  process.stdout.write(opts.json ? toJson(report) : toMarkdown(report));
  return opts.failOnMiss && hasMiss(report) ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (e) {
  if (e instanceof CommandFailedError) {
    process.stderr.write(`bench: ${e.message}\n`);
    if (e.stderrTail) process.stderr.write(`--- stderr (last lines) ---\n${e.stderrTail}\n`);
  } else {
    process.stderr.write(`bench: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  }
  process.exitCode = 2;
}

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
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { hookServerDir, runningServer } from "../core/features/hook/server-state.js";
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
  /** Absolute ceiling on protogov's median wall time, in milliseconds. */
  maxWallMs?: number;
}

export interface BenchCase {
  id: string;
  title: string;
  protogov(ctx: BenchContext): Step[];
  /** What a user runs without protogov; several steps run one after another. */
  baseline(ctx: BenchContext): Step[];
  /** Unmeasured work once before the runs (filling a cache). */
  prepare?(ctx: BenchContext): void;
  /** Unmeasured work before every protogov run (an edit the run must see). */
  beforeProtogov?(ctx: BenchContext): void;
  targets: Targets;
}

/** protogov's default lint categories, spelled as a buf config. */
export const BUF_LINT_CONFIG = JSON.stringify({ version: "v2", lint: { use: ["STANDARD", "COMMENTS"] } });

/** protogov exits 1 on findings, buf 100; 2 (protogov) or 1 (buf) are failures of the bench. */
export const PROTOGOV_OK = [0, 1] as const;
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
    env: COLD,
  };
}

/** The cold cases measure a run from nothing: no result cache (see cache-cases.ts for the warm ones). */
export const COLD = { PROTOGOV_NO_CACHE: "1" } as const;

export function buf(ctx: BenchContext, args: readonly string[], display: string): Step {
  return { display: `buf ${display}`, executable: ctx.buf, args, cwd: ctx.corpus, okCodes: BUF_OK };
}

export function bufLint(ctx: BenchContext): Step {
  return buf(
    ctx,
    ["lint", ".", "--config", BUF_LINT_CONFIG, "--error-format", "json"],
    "lint . --config '<STANDARD+COMMENTS>' --error-format json",
  );
}

export function bufFormatCheck(ctx: BenchContext): Step {
  return buf(
    ctx,
    ["format", ".", "--config", BUF_LINT_CONFIG, "--diff", "--exit-code"],
    "format . --config '<STANDARD+COMMENTS>' --diff --exit-code",
  );
}

/** The file the hook case edits and stages; any file with a few imports would do. */
const HOOK_FILE = "google/pubsub/v1/pubsub.proto";
let hookRepo: string | undefined;

/**
 * A git repository holding a copy of the corpus, committed once per bench run
 * (about 7k files: several seconds), with a one-file change staged. Removed
 * when the bench exits.
 */
function stagedCorpusRepo(ctx: BenchContext): string {
  if (hookRepo) return hookRepo;
  const dir = mkdtempSync(join(tmpdir(), "protogov-bench-hook-"));
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  cpSync(ctx.corpus, dir, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };
  for (const k of Object.keys(env)) if (k.startsWith("GIT_") && !k.startsWith("GIT_CONFIG")) delete env[k];
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, env, stdio: ["ignore", "ignore", "pipe"] });
  git("init", "-q", "-b", "main");
  git("add", ".");
  git("-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "--no-verify", "-m", "corpus");
  const file = existsSync(join(dir, HOOK_FILE)) ? HOOK_FILE : undefined;
  if (!file) throw new Error(`the hook case edits ${HOOK_FILE}, which the corpus does not have`);
  const text = readFileSync(join(dir, file), "utf8");
  // A new documented message at the end: valid wherever the file ends, and a real change to check.
  writeFileSync(
    join(dir, file),
    `${text}\n// Added by the protogov bench.\nmessage ProtogovBenchProbe {\n  // A name.\n  string name = 1;\n}\n`,
  );
  git("add", file);
  hookRepo = dir;
  return dir;
}

/** A directory holding only the staged file (as staged), for the format floor. */
function aloneDir(repo: string): string {
  const dir = join(repo, "..", `${repo.split("/").pop() ?? "hook"}-alone`);
  if (!existsSync(join(dir, HOOK_FILE))) {
    mkdirSync(dirname(join(dir, HOOK_FILE)), { recursive: true });
    cpSync(join(repo, HOOK_FILE), join(dir, HOOK_FILE));
    process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  }
  return dir;
}

/** buf format of the staged file alone (formatting needs no imports), then buf lint --path of it in its module. */
function hookFloor(ctx: BenchContext): Step[] {
  const repo = stagedCorpusRepo(ctx);
  return [
    {
      ...bufFormatCheck(ctx),
      display: `buf format <dir holding only ${HOOK_FILE}> --diff --exit-code`,
      cwd: aloneDir(repo),
      args: ["format", ".", "--diff", "--exit-code"],
    },
    {
      ...bufLint(ctx),
      display: `buf lint . --path ${HOOK_FILE} --config '<STANDARD+COMMENTS>'`,
      cwd: repo,
      args: ["lint", ".", "--path", HOOK_FILE, "--config", BUF_LINT_CONFIG, "--error-format", "json"],
    },
  ];
}

/**
 * Installs the hook in the staged corpus repository and runs it once: that
 * first commit starts the server the measured runs then use. The server is
 * stopped when the bench exits.
 */
function warmHookServer(ctx: BenchContext): void {
  const repo = stagedCorpusRepo(ctx);
  const bin = join(ctx.repoRoot, "dist", "cli", "bin.js");
  execFileSync(process.execPath, [bin, "hook", "install"], { cwd: repo, stdio: "ignore" });
  process.on("exit", () => execFileSync(process.execPath, [bin, "hook", "stop"], { stdio: "ignore" }));
  const runHook = () =>
    spawnSync("/bin/sh", [join(repo, ".git", "hooks", "pre-commit")], { cwd: repo, stdio: "ignore", env: { ...process.env, ...COLD } });
  runHook();
  // The server starts once that first run is over; a second run warms it up.
  const until = Date.now() + 10_000;
  while (runningServer(hookServerDir(bin)) === undefined) {
    if (Date.now() > until) throw new Error("the hook server did not start within 10 s");
    spawnSync("sleep", ["0.1"]);
  }
  runHook();
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
  {
    // The floor of the work a hook must do: format the staged file, lint it in its module.
    id: "hook",
    title:
      "git's pre-commit hook as installed (its server warm: every commit after the first) vs its floor: buf format of the file alone + buf lint --path",
    prepare: (ctx) => warmHookServer(ctx),
    protogov: (ctx) => [
      {
        display: ".git/hooks/pre-commit   # protogov hook install; one staged file in a git repo holding the corpus",
        executable: "/bin/sh",
        args: [join(stagedCorpusRepo(ctx), ".git", "hooks", "pre-commit")],
        cwd: stagedCorpusRepo(ctx),
        okCodes: PROTOGOV_OK,
        env: COLD,
        helpers: () => {
          const pid = runningServer(hookServerDir(join(ctx.repoRoot, "dist", "cli", "bin.js")));
          return pid === undefined ? [] : [pid];
        },
      },
    ],
    baseline: (ctx) => hookFloor(ctx),
    targets: { wall: 1.3 },
  },
  {
    id: "hook-direct",
    title: "protogov hook run without the server (the first commit, or PROTOGOV_HOOK_SERVER=0) vs the same floor",
    protogov: (ctx) => [
      {
        display: "protogov hook run   # one staged file in a git repo holding the corpus",
        executable: process.execPath,
        args: [join(ctx.repoRoot, "dist", "cli", "bin.js"), "hook", "run"],
        cwd: stagedCorpusRepo(ctx),
        okCodes: PROTOGOV_OK,
        env: COLD,
      },
    ],
    baseline: (ctx) => hookFloor(ctx),
    targets: { wall: 3.0 },
  },
  {
    id: "docs",
    title: "protogov docs (HTML site with search) vs protoc-gen-es (target=ts) through buf generate",
    protogov: (ctx) => [
      {
        display: "protogov docs . --out <tmp>",
        executable: process.execPath,
        args: [join(ctx.repoRoot, "dist", "cli", "bin.js"), "docs", ".", "--out", join(DOCS_OUT, "site")],
        cwd: ctx.corpus,
        okCodes: [0],
        env: COLD,
      },
    ],
    baseline: (ctx) => [protocGenEs(ctx)],
    targets: { wall: 1.0 },
  },
];

/** Where the docs case writes (protogov replaces its own output directory; buf generate overwrites). */
const DOCS_OUT = join(tmpdir(), "protogov-bench-docs");

/** protoc-gen-es over the same files through buf generate: the cost of a plugin pass over the corpus. */
function protocGenEs(ctx: BenchContext): Step {
  const plugin = join(ctx.repoRoot, "node_modules", "@bufbuild", "protoc-gen-es", "bin", "protoc-gen-es");
  // strategy "all": one plugin process for the whole corpus, as protogov runs its plugin once. buf's
  // default ("directory") would start a Node process per directory (~600 here) and flatter protogov.
  const template = {
    version: "v2",
    plugins: [{ local: [process.execPath, plugin], out: join(DOCS_OUT, "es"), opt: ["target=ts"], strategy: "all" }],
  };
  return buf(ctx, ["generate", ".", "--template", JSON.stringify(template)], "generate . --template '<protoc-gen-es target=ts>'");
}

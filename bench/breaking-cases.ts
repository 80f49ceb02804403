/**
 * Cases with a base to compare against: the full check (format + lint +
 * breaking against a base tree) and the incremental check of a one-file change
 * on a branch, each against the buf commands a user would chain for the same
 * answer.
 */

import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BenchCase, type BenchContext, buf, bufFormatCheck, bufLint, PROTOGOV_OK } from "./cases.js";
import type { Step } from "./measure.js";

const BREAKING_CONFIG = JSON.stringify({ version: "v2", breaking: { use: ["FILE"] } });
/** The file both cases change; a new message at its end is a feature, valid wherever the file ends. */
const CHANGED_FILE = "google/pubsub/v1/pubsub.proto";
const PROBE = "\n// Added by the protogov bench.\nmessage ProtogovBenchProbe {\n  // A name.\n  string name = 1;\n}\n";

let baseTree: string | undefined;
let branchRepo: string | undefined;
const cacheDir = mkdtempSync(join(tmpdir(), "protogov-bench-cache-"));
process.on("exit", () => rmSync(cacheDir, { recursive: true, force: true }));

function cleanup(dir: string): string {
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A copy of the corpus with the probe message: the head (the corpus) removes it. */
function baseTreeOf(ctx: BenchContext): string {
  if (baseTree) return baseTree;
  const dir = cleanup(mkdtempSync(join(tmpdir(), "protogov-bench-base-")));
  cpSync(ctx.corpus, dir, { recursive: true });
  const file = join(dir, CHANGED_FILE);
  if (!existsSync(file)) throw new Error(`the breaking cases edit ${CHANGED_FILE}, which the corpus does not have`);
  // The base has a message the head (the corpus) removed: a real breaking change to find.
  writeFileSync(file, `${readFileSync(file, "utf8")}${PROBE}`);
  baseTree = dir;
  return dir;
}

/** A git repository holding the corpus on main, and a branch that adds a message to one file. */
function branchRepoOf(ctx: BenchContext): string {
  if (branchRepo) return branchRepo;
  const dir = cleanup(mkdtempSync(join(tmpdir(), "protogov-bench-branch-")));
  cpSync(ctx.corpus, dir, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" };
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, env, stdio: ["ignore", "ignore", "pipe"] });
  const commit = (message: string) =>
    git("-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "--no-verify", "-m", message);
  git("init", "-q", "-b", "main");
  git("add", ".");
  commit("corpus");
  git("checkout", "-q", "-b", "feature");
  writeFileSync(join(dir, CHANGED_FILE), `${readFileSync(join(dir, CHANGED_FILE), "utf8")}${PROBE}`);
  git("add", CHANGED_FILE);
  commit("one-file change");
  branchRepo = dir;
  return dir;
}

function protogovCheck(ctx: BenchContext, args: string[], cwd: string, env: Record<string, string>, display: string): Step {
  return {
    display,
    executable: process.execPath,
    args: [join(ctx.repoRoot, "dist", "cli", "bin.js"), "check", ...args, "--format", "json"],
    cwd,
    okCodes: PROTOGOV_OK,
    env,
  };
}

/** buf format, buf lint and buf breaking, in the given directory, against the given input. */
function bufChain(ctx: BenchContext, cwd: string, against: string): Step[] {
  return [
    { ...bufFormatCheck(ctx), cwd },
    { ...bufLint(ctx), cwd },
    {
      ...buf(
        ctx,
        ["breaking", ".", "--against", against, "--config", BREAKING_CONFIG, "--error-format", "json"],
        `breaking . --against ${against}`,
      ),
      cwd,
    },
  ];
}

let primed = false;

/** Builds the base image once, unmeasured, as a CI job with a persisted cache would have it. */
function primeCache(ctx: BenchContext): void {
  if (primed) return;
  primed = true;
  const cli = join(ctx.repoRoot, "dist", "cli", "bin.js");
  try {
    execFileSync(process.execPath, [cli, "check", ".", "--all", "--against", baseTreeOf(ctx), "--format", "json"], {
      cwd: ctx.corpus,
      env: { ...process.env, PROTOGOV_CACHE_DIR: cacheDir },
      stdio: "ignore",
    });
  } catch {
    // exit 1 (findings) is expected on the corpus
  }
}

function primedCheck(ctx: BenchContext, args: string[], cwd: string, env: Record<string, string>, display: string): Step {
  primeCache(ctx);
  return protogovCheck(ctx, args, cwd, env, display);
}

export const BREAKING_CASES: readonly BenchCase[] = [
  {
    id: "check-full",
    title:
      "protogov check --all --against <base tree> (format + lint + breaking + API diff; base image cached) vs buf format, lint, breaking",
    protogov: (ctx) => [
      primedCheck(
        ctx,
        [".", "--all", "--against", baseTreeOf(ctx)],
        ctx.corpus,
        { PROTOGOV_CACHE_DIR: cacheDir },
        "protogov check . --all --against <base>",
      ),
    ],
    baseline: (ctx) => bufChain(ctx, ctx.corpus, baseTreeOf(ctx)),
    targets: { wall: 0.8 },
  },
  {
    id: "check-full-cold",
    title: "the same with no base image cache (the base tree is compiled in the run)",
    protogov: (ctx) => [
      // The cache switched off: every run compiles the base.
      protogovCheck(
        ctx,
        [".", "--all", "--against", baseTreeOf(ctx)],
        ctx.corpus,
        { PROTOGOV_NO_CACHE: "1" },
        "protogov check . --all --against <base>  # no cache",
      ),
    ],
    baseline: (ctx) => bufChain(ctx, ctx.corpus, baseTreeOf(ctx)),
    targets: {},
  },
  {
    id: "check-incremental",
    title:
      "protogov check on a branch with a one-file change (incremental against main) vs buf format, lint, breaking --against .git#branch=main",
    protogov: (ctx) => [protogovCheck(ctx, [], branchRepoOf(ctx), {}, "protogov check   # on the feature branch")],
    baseline: (ctx) => bufChain(ctx, branchRepoOf(ctx), ".git#branch=main"),
    targets: { wall: 0.05, maxWallMs: 2000 },
  },
];

/**
 * The result cache's cases (core/features/pipeline/result-cache.ts), each
 * measured side by side with a cold `buf lint` in the same run:
 *
 * - `lint-warm`: `protogov lint` again on the unchanged corpus, after one
 *   unmeasured run filled a private cache (what CI with a restored cache and
 *   a developer's second run see);
 * - `lint-one-edit`: one file of a copy of the corpus changes (a comment,
 *   alternating) before every measured protogov run, after a filled cache:
 *   only what the edit can affect is checked again.
 *
 * The cold cases (lint, check, hook, docs) run with PROTOGOV_NO_CACHE=1, so
 * they keep measuring a run from nothing.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BenchCase, type BenchContext, bufLint, PROTOGOV_OK } from "./cases.js";
import type { Step } from "./measure.js";

/** The file lint-one-edit changes: a service file with importers and package siblings. */
const EDITED = "google/pubsub/v1/pubsub.proto";

const scratch = mkdtempSync(join(tmpdir(), "protogov-bench-cache-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));

function lint(ctx: BenchContext, cwd: string, cache: string): Step {
  return {
    display: "protogov lint . --format json   # result cache filled by an unmeasured run",
    executable: process.execPath,
    args: [join(ctx.repoRoot, "dist", "cli", "bin.js"), "lint", ".", "--format", "json"],
    cwd,
    okCodes: PROTOGOV_OK,
    env: { PROTOGOV_CACHE_DIR: cache },
  };
}

/** One unmeasured run that fills `cache` for `cwd`. */
function fill(ctx: BenchContext, cwd: string, cache: string): void {
  const step = lint(ctx, cwd, cache);
  try {
    execFileSync(step.executable, [...step.args], { cwd, env: { ...process.env, ...step.env }, stdio: "ignore" });
  } catch (e) {
    if ((e as { status?: number }).status !== 1) throw e;
  }
}

let editCorpus: string | undefined;
let edits = 0;

function editableCorpus(ctx: BenchContext): string {
  if (editCorpus) return editCorpus;
  editCorpus = join(scratch, "corpus");
  cpSync(ctx.corpus, editCorpus, { recursive: true });
  return editCorpus;
}

export const CACHE_CASES: readonly BenchCase[] = [
  {
    id: "lint-warm",
    title: "protogov lint, second run on an unchanged tree (result cache) vs buf lint",
    protogov: (ctx) => [lint(ctx, ctx.corpus, join(scratch, "warm"))],
    baseline: (ctx) => [bufLint(ctx)],
    prepare: (ctx) => fill(ctx, ctx.corpus, join(scratch, "warm")),
    targets: { wall: 0.05 },
  },
  {
    id: "lint-one-edit",
    title: `protogov lint after a one-file edit (${EDITED}) with a filled result cache vs buf lint`,
    protogov: (ctx) => [lint(ctx, editableCorpus(ctx), join(scratch, "edit"))],
    baseline: (ctx) => [{ ...bufLint(ctx), cwd: editableCorpus(ctx) }],
    prepare: (ctx) => fill(ctx, editableCorpus(ctx), join(scratch, "edit")),
    beforeProtogov: (ctx) => {
      const file = join(editableCorpus(ctx), EDITED);
      const text = readFileSync(file, "utf8").replace(/^\/\/ protogov bench edit \d+\n/, "");
      writeFileSync(file, `// protogov bench edit ${++edits}\n${text}`);
    },
    targets: { wall: 0.1 },
  },
];

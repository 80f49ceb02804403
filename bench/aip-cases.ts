/**
 * The AIP rule pack next to api-linter, its oracle, on the corpus: protogov's
 * pack inside `buf lint` through buf-plugin-protogov (`use: [AIP]`, buf's
 * own rules off) vs api-linter (pinned in bench/api-linter/go.mod, installed
 * into .cache/bin by bench/api-linter/install.sh) on every file of the corpus
 * with the corpus root as import path. api-linter runs all its rules; the
 * pack runs the rules it implements (ACCURACY.md lists them), so this
 * compares what each tool costs for its job, not rule for rule.
 */
import { join } from "node:path";
import { listProtoFiles } from "../core/model/project/list-files.js";
import { type BenchCase, type BenchContext, buf } from "./cases.js";
import type { Step } from "./measure.js";

function aipPackInBuf(ctx: BenchContext): Step {
  const config = JSON.stringify({
    version: "v2",
    lint: { use: ["AIP"] },
    plugins: [{ plugin: join(ctx.repoRoot, "bin", "buf-plugin-protogov") }],
  });
  return buf(
    ctx,
    ["lint", ".", "--config", config, "--error-format", "json"],
    "lint . --config '<plugins: buf-plugin-protogov, use: [AIP]>'",
  );
}

function apiLinter(ctx: BenchContext): Step {
  const files = listProtoFiles(ctx.corpus, []).map((f) => f.slice(ctx.corpus.length + 1));
  return {
    display: `api-linter -I . --output-format json <${files.length} files>`,
    executable: join(ctx.repoRoot, ".cache", "bin", "api-linter"),
    args: ["-I", ".", "--output-format", "json", ...files],
    cwd: ctx.corpus,
    okCodes: [0],
  };
}

export const AIP_CASES: readonly BenchCase[] = [
  {
    id: "aip-pack",
    title: "protogov's AIP pack (buf lint + buf-plugin-protogov, use: [AIP]) vs api-linter (all its rules)",
    protogov: (ctx) => [aipPackInBuf(ctx)],
    baseline: (ctx) => [apiLinter(ctx)],
    targets: {},
  },
];

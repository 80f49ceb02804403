/**
 * protoc-gen-protogov-errors vs protoc-gen-es on the same request: the
 * examples (the only tree with annotated error enums), both run as protoc
 * plugin processes by `buf generate` from a workspace that links the examples
 * and protogov's option protos, as `protogov generate` sees them.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BenchCase, type BenchContext, buf } from "./cases.js";
import type { Step } from "./measure.js";

let workspace: string | undefined;

function examplesWorkspace(ctx: BenchContext): string {
  if (workspace) return workspace;
  const dir = mkdtempSync(join(tmpdir(), "protogov-bench-plugins-"));
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  symlinkSync(join(ctx.repoRoot, "proto-examples"), join(dir, "m0"), "dir");
  symlinkSync(join(ctx.repoRoot, "proto"), join(dir, "m1"), "dir");
  writeFileSync(join(dir, "buf.yaml"), "version: v2\nmodules:\n  - path: m0\n  - path: m1\n");
  mkdirSync(join(dir, "out"));
  workspace = dir;
  return dir;
}

function generate(ctx: BenchContext, name: string, plugin: readonly string[], opt = "target=ts"): Step {
  const dir = examplesWorkspace(ctx);
  const template = {
    version: "v2",
    plugins: [{ local: [process.execPath, ...plugin], out: join(dir, "out", `${name}-${opt}`), opt: [opt], strategy: "all" }],
  };
  return {
    ...buf(ctx, ["generate", "m0", "--template", JSON.stringify(template)], `generate proto-examples --template '<${name} ${opt}>'`),
    cwd: dir,
    okCodes: [0],
  };
}

export const PLUGIN_CASES: readonly BenchCase[] = [
  {
    id: "errors-plugin",
    title: "protoc-gen-protogov-errors vs protoc-gen-es on proto-examples (same request, buf generate, target=ts)",
    protogov: (ctx) => [generate(ctx, "protoc-gen-protogov-errors", [join(ctx.repoRoot, "dist", "plugins", "errors", "bin.js")])],
    baseline: (ctx) => [
      generate(ctx, "protoc-gen-es", [join(ctx.repoRoot, "node_modules", "@bufbuild", "protoc-gen-es", "bin", "protoc-gen-es")]),
    ],
    targets: { wall: 1.0 },
  },
  // The same plugin emitting Go, Python and Java errors (lang=...), next to protoc-gen-es on the same request.
  ...(["go", "python", "java"] as const).map(
    (lang): BenchCase => ({
      id: `errors-plugin-${lang}`,
      title: `protoc-gen-protogov-errors lang=${lang} vs protoc-gen-es (target=ts) on proto-examples (buf generate)`,
      protogov: (ctx) => [
        generate(ctx, "protoc-gen-protogov-errors", [join(ctx.repoRoot, "dist", "plugins", "errors", "bin.js")], `lang=${lang}`),
      ],
      baseline: (ctx) => [
        generate(ctx, "protoc-gen-es", [join(ctx.repoRoot, "node_modules", "@bufbuild", "protoc-gen-es", "bin", "protoc-gen-es")]),
      ],
      targets: { wall: 1.0 },
    }),
  ),
];

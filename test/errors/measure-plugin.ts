/**
 * `node dist/test/errors/measure-plugin.js [googleapis-dir]`: times
 * protoc-gen-protogov-errors against protoc-gen-es on the same
 * CodeGeneratorRequest (proto-examples, target=ts), in-process and as protoc
 * plugin processes, and runs the plugin over a googleapis-sized request, which
 * must produce no file. Not a test (no `.test` in the name): numbers depend on
 * the machine. Prints Markdown.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { type CodeGeneratorRequest, CodeGeneratorRequestSchema, FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import type { Plugin } from "@bufbuild/protoplugin";
import { bufBinary } from "../../core/engines/buf/buf.js";
import { errorsPlugin } from "../../plugins/errors/plugin.js";
import { examplesDir, repoRoot } from "../support/paths.js";
import { examplesRequest, pluginBin, protoFiles, protosDir, tempDir } from "./generate-support.js";

const require = createRequire(import.meta.url);
const protocGenEs = (require("@bufbuild/protoc-gen-es/dist/cjs/src/protoc-gen-es-plugin.js") as { protocGenEs: Plugin }).protocGenEs;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Median wall time of `runs` calls after `warmup` calls, in ms. */
function time(fn: () => void, runs: number, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function inProcess(request: CodeGeneratorRequest): string[] {
  const ours = time(() => errorsPlugin.run(request), 30);
  const es = time(() => protocGenEs.run(request), 30);
  return [`| in-process run(request), median of 30 | ${ours.toFixed(1)} ms | ${es.toFixed(1)} ms | ${(ours / es).toFixed(2)} |`];
}

/** Both plugins as real processes fed the same request bytes on stdin (what protoc does). */
function asProcess(request: CodeGeneratorRequest): string[] {
  const input = toBinary(CodeGeneratorRequestSchema, request);
  const esBin = join(repoRoot, "node_modules", "@bufbuild", "protoc-gen-es", "bin", "protoc-gen-es");
  const run = (args: string[]) => () => {
    const r = spawnSync(process.execPath, args, { input });
    if (r.status !== 0) throw new Error(r.stderr.toString());
  };
  const ours = time(run([pluginBin]), 10, 1);
  const es = time(run([esBin]), 10, 1);
  return [`| plugin process, stdin to stdout, median of 10 | ${ours.toFixed(0)} ms | ${es.toFixed(0)} ms | ${(ours / es).toFixed(2)} |`];
}

/** A request with every file of a buf image to generate (an image is a FileDescriptorSet on the wire). */
function imageRequest(corpus: string): CodeGeneratorRequest {
  const dir = tempDir();
  try {
    const image = join(dir, "image.binpb");
    execFileSync(bufBinary(), ["build", corpus, "-o", image], { stdio: ["ignore", "ignore", "pipe"] });
    const set = fromBinary(FileDescriptorSetSchema, readFileSync(image));
    const own = set.file.filter((f) => !f.name.startsWith("google/protobuf/")).map((f) => f.name);
    return create(CodeGeneratorRequestSchema, { fileToGenerate: own, parameter: "target=ts", protoFile: set.file });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function googleapis(corpus: string): string[] {
  const request = imageRequest(corpus);
  const input = toBinary(CodeGeneratorRequestSchema, request);
  const start = performance.now();
  const inproc = errorsPlugin.run(request);
  const inMs = performance.now() - start;
  const proc = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, pluginBin], { input, maxBuffer: 1 << 30 });
  const [wall, rssKb] = proc.stderr.toString().trim().split("\n").pop()?.split(" ") ?? [];
  const files = inproc.file.length + (proc.status === 0 ? 0 : Number.NaN);
  return [
    "",
    `googleapis (${request.fileToGenerate.length} files, request ${(input.length / 1e6).toFixed(0)} MB): ` +
      `${files} files generated, error "${inproc.error ?? ""}"; in-process ${inMs.toFixed(0)} ms; ` +
      `as a process ${wall} s wall, ${(Number(rssKb) / 1024).toFixed(0)} MB peak RSS (decoding the request included)`,
  ];
}

const corpus = resolve(process.argv[2] ?? join(repoRoot, "..", "shared", "corpora", "googleapis"));
const request = examplesRequest("target=ts");
const lines = [
  `proto-examples: ${protoFiles(examplesDir).length} files (+ ${protosDir.replace(repoRoot, ".")}), target=ts, node ${process.version}`,
  "",
  "| measurement | protoc-gen-protogov-errors | protoc-gen-es | ratio |",
  "|---|---|---|---|",
  ...inProcess(request),
  ...asProcess(request),
  ...(existsSync(corpus) ? googleapis(corpus) : ["", `googleapis: ${corpus} not found, skipped`]),
];
process.stdout.write(`${lines.join("\n")}\n`);

/**
 * Runs protoc-gen-protogov-errors three ways over proto-examples, for the
 * golden, protoc and buf tests: in-process on a CodeGeneratorRequest built from
 * protoc's descriptor set, as a real plugin process under Debian's `protoc`,
 * and under `buf generate`. Outputs are returned as path -> content maps.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { create, fromBinary } from "@bufbuild/protobuf";
import { type CodeGeneratorRequest, CodeGeneratorRequestSchema, FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import { bufBinary } from "../../core/engines/buf/buf.js";
import { runErrorsPlugin } from "../../plugins/errors/plugin.js";
import { examplesDir, repoRoot } from "../support/paths.js";

export const protosDir = join(repoRoot, "proto");
export const pluginBin = join(repoRoot, "dist", "plugins", "errors", "bin.js");
export const goldenDir = join(repoRoot, "test", "golden", "errors", "proto-examples");

/** Import paths of every .proto under a directory, sorted. */
export function protoFiles(dir: string): string[] {
  return listFiles(dir)
    .filter((f) => f.endsWith(".proto"))
    .sort();
}

/** A request as protoc would send it: the given files to generate, with source info, imports first. */
export function requestFor(includes: readonly string[], files: readonly string[], parameter: string): CodeGeneratorRequest {
  const tmp = tempDir();
  try {
    const out = join(tmp, "set.binpb");
    execFileSync("protoc", [...includes.map((i) => `-I${i}`), "--include_imports", "--include_source_info", `-o${out}`, ...files]);
    const set = fromBinary(FileDescriptorSetSchema, readFileSync(out));
    return create(CodeGeneratorRequestSchema, { fileToGenerate: [...files], parameter, protoFile: set.file });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export function examplesRequest(parameter: string): CodeGeneratorRequest {
  return requestFor([examplesDir, protosDir], protoFiles(examplesDir), parameter);
}

/** In-process run: generated files by name; throws with the response error when there is one. */
export function generateInProcess(request: CodeGeneratorRequest): Map<string, string> {
  const response = runErrorsPlugin(request);
  if (response.error) throw new Error(`plugin error: ${response.error}`);
  return new Map(response.file.map((f) => [f.name, f.content]));
}

/** Real `protoc` with the compiled plugin. Returns the files written, or throws with protoc's stderr. */
export function generateWithProtoc(parameter: string): Map<string, string> {
  return withTempDir((tmp) => {
    const shim = join(tmp, "protoc-gen-protogov-errors");
    // protoc executes the plugin directly; dist/ files are not executable in a checkout.
    writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${pluginBin}" "$@"\n`);
    chmodSync(shim, 0o755);
    const out = join(tmp, "out");
    mkdirSync(out);
    execFileSync(
      "protoc",
      [
        `-I${examplesDir}`,
        `-I${protosDir}`,
        `--plugin=${shim}`,
        `--protogov-errors_out=${out}`,
        `--protogov-errors_opt=${parameter}`,
        ...protoFiles(examplesDir),
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    return readTree(out);
  });
}

/** `buf generate` over a workspace that links proto-examples and protogov's proto/ (as protogov's compile step does). */
export function generateWithBuf(parameter: string): Map<string, string> {
  return withTempDir((tmp) => {
    symlinkSync(examplesDir, join(tmp, "examples"), "dir");
    symlinkSync(protosDir, join(tmp, "protogov-protos"), "dir");
    writeFileSync(join(tmp, "buf.yaml"), "version: v2\nmodules:\n  - path: examples\n  - path: protogov-protos\n");
    const template = {
      version: "v2",
      plugins: [{ local: [process.execPath, pluginBin], out: "out", opt: parameter.split(",") }],
    };
    execFileSync(bufBinary(), ["generate", "examples", "--template", JSON.stringify(template)], {
      cwd: tmp,
      stdio: ["ignore", "pipe", "pipe"],
    });
    return readTree(join(tmp, "out"));
  });
}

export function readTree(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), "utf8")]));
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "protogov-errors-"));
}

function withTempDir<T>(fn: (dir: string) => T): T {
  const dir = tempDir();
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split("\\").join("/"))
    .sort();
}

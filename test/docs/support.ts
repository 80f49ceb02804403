/**
 * Shared by the docs tests: CodeGeneratorRequests built with Debian's protoc
 * (as protoc would send them), the plugin with the built-in templates, and
 * small file-tree helpers.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { create, fromBinary } from "@bufbuild/protobuf";
import { type CodeGeneratorRequest, CodeGeneratorRequestSchema, FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import type { ProtogovPlugin } from "../../plugins/define-plugin.js";
import { createDocsPlugin, type DocsPluginEnv } from "../../plugins/docs/plugin.js";
import { loadBuiltinTemplates, readTemplateDir } from "../../plugins/docs/templates.js";
import { examplesDir, fixturesDir, repoRoot } from "../support/paths.js";

export const protosDir = join(repoRoot, "proto");
export const docsFixtures = join(fixturesDir, "docs");
export const pluginBin = join(repoRoot, "dist", "plugins", "docs", "bin.js");

export function docsPlugin(env: Partial<DocsPluginEnv> = {}): ProtogovPlugin {
  return createDocsPlugin({ templates: loadBuiltinTemplates(), loadTemplateDir: readTemplateDir, ...env });
}

export function withTempDir<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "protogov-docs-"));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split("\\").join("/"))
    .sort();
}

export function protoFiles(dir: string): string[] {
  return listFiles(dir).filter((f) => f.endsWith(".proto"));
}

/** A request as protoc sends it: the files to generate, with imports and source info. */
export function requestFor(includes: readonly string[], files: readonly string[], parameter: string): CodeGeneratorRequest {
  return withTempDir((tmp) => {
    const out = join(tmp, "set.binpb");
    execFileSync("protoc", [...includes.map((i) => `-I${i}`), "--include_imports", "--include_source_info", `-o${out}`, ...files]);
    const set = fromBinary(FileDescriptorSetSchema, readFileSync(out));
    return create(CodeGeneratorRequestSchema, { fileToGenerate: [...files], parameter, protoFile: set.file });
  });
}

export function examplesRequest(parameter: string): CodeGeneratorRequest {
  return requestFor([examplesDir, protosDir], protoFiles(examplesDir), parameter);
}

/** The docs fixture project (XSS comments, google.api options, @exclude, nesting). */
export function fixtureRequest(parameter: string): CodeGeneratorRequest {
  const dir = join(docsFixtures, "showcase");
  return requestFor(
    [dir, protosDir],
    protoFiles(dir).filter((f) => !f.startsWith("google/")),
    parameter,
  );
}

/** Runs the plugin in-process; throws with the response's error. */
export function generate(request: CodeGeneratorRequest, plugin: ProtogovPlugin = docsPlugin()): Map<string, string> {
  const response = plugin.run(request);
  if (response.error) throw new Error(`plugin error: ${response.error}`);
  return new Map(response.file.map((f) => [f.name, f.content]));
}

export function writeTree(dir: string, files: ReadonlyMap<string, string>): void {
  for (const [name, content] of files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
}

export function readTree(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), "utf8")]));
}

/**
 * Builds and runs scaffold projects the way a user would: protoc-gen-es,
 * protoc-gen-protogov-errors and protoc-gen-protogov-tests over
 * proto-examples (all in-process, on the request protoc builds), written into
 * a throw-away project under test/tmp/ (inside the repository, so
 * node_modules and the @protogov/errors-runtime workspace resolve), compiled
 * with tsc under the repository's strict tsconfig, and run with `node --test`
 * as a child process.
 *
 * The throw-away project mirrors the repository paths of test/scaffold/impl
 * (the real implementation) and test/fixtures/scaffold/gen (the generated code
 * it imports), so the implementation compiles unchanged in both places.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { CodeGeneratorRequest } from "@bufbuild/protobuf/wkt";
import type { Plugin } from "@bufbuild/protoplugin";
import { runErrorsPlugin } from "../../plugins/errors/plugin.js";
import { runTestsPlugin } from "../../plugins/test-scaffold/plugin.js";
import { examplesRequest, protoFiles, protosDir, requestFor } from "../errors/generate-support.js";
import { examplesDir, repoRoot } from "../support/paths.js";

/** The parameter protoc-gen-es and the errors plugin get: TypeScript with NodeNext-style imports. */
export const GEN_PARAMETER = "target=ts,import_extension=js";
/** Where the generated code lives, relative to the repository (and to a scaffold project). */
export const GEN_DIR = "test/fixtures/scaffold/gen";
export const IMPL_DIR = "test/scaffold/impl";
/** Tests generated against the real implementation: test/scaffold/impl/<service>.ts, seen from GEN_DIR. */
export const REAL_IMPL_PARAMETER = `${GEN_PARAMETER},impl_import=../../../scaffold/impl/{service_snake}.js`;

const protocGenEs = (
  createRequire(import.meta.url)("@bufbuild/protoc-gen-es/dist/cjs/src/protoc-gen-es-plugin.js") as { protocGenEs: Plugin }
).protocGenEs;

function filesOf(
  plugin: (r: CodeGeneratorRequest) => { error?: string; file: { name: string; content: string }[] },
  request: CodeGeneratorRequest,
) {
  const response = plugin(request);
  if (response.error) throw new Error(response.error);
  return new Map(response.file.map((f) => [f.name, f.content]));
}

/**
 * protoc-gen-es + errors plugin output for proto-examples: what
 * test/fixtures/scaffold/gen holds. protoc-gen-es also generates protogov's
 * options proto, which the examples' error enums import.
 */
export function generatedCode(): Map<string, string> {
  const withOptions = requestFor([examplesDir, protosDir], [...protoFiles(examplesDir), "protogov/errors/v1/errors.proto"], GEN_PARAMETER);
  return new Map([...filesOf((r) => protocGenEs.run(r), withOptions), ...filesOf(runErrorsPlugin, examplesRequest(GEN_PARAMETER))]);
}

/** The tests plugin's output for proto-examples. */
export function scaffolds(parameter: string): Map<string, string> {
  return filesOf(runTestsPlugin, examplesRequest(parameter));
}

export interface ScaffoldProject {
  dir: string;
  /** Absolute path of a path relative to the generated code. */
  gen(rel: string): string;
  dispose(): void;
}

/** A throw-away project with the generated code, the given scaffolds and a copy of the real implementation. */
export function scaffoldProject(tests: Map<string, string>): ScaffoldProject {
  mkdirSync(join(repoRoot, "test", "tmp"), { recursive: true });
  const dir = mkdtempSync(join(repoRoot, "test", "tmp", "scaffold-"));
  const gen = (rel: string) => join(dir, GEN_DIR, rel);
  for (const [name, content] of [...generatedCode(), ...tests]) {
    mkdirSync(dirname(gen(name)), { recursive: true });
    writeFileSync(gen(name), content);
  }
  cpSync(join(repoRoot, IMPL_DIR), join(dir, IMPL_DIR), { recursive: true });
  const tsconfig = {
    extends: "../../../tsconfig.json",
    compilerOptions: { rootDir: ".", outDir: "dist", declaration: false, sourceMap: false },
    include: ["test/**/*.ts"],
    exclude: ["dist"],
  };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
  return { dir, gen, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** tsc with the strict root options; returns its diagnostics ("" when it compiled). */
export function compile(project: ScaffoldProject): string {
  const tsc = join(repoRoot, "node_modules", "typescript", "bin", "tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", project.dir], { encoding: "utf8" });
  return run.status === 0 ? "" : `${run.stdout}${run.stderr}`;
}

export interface TestRun {
  status: number | null;
  output: string;
  /** From node:test's summary lines. */
  pass: number;
  fail: number;
}

/** `node --test` over the compiled test files (all, or the given ones relative to the generated code). */
export function runCompiledTests(project: ScaffoldProject, only: readonly string[] = []): TestRun {
  const distGen = join(project.dir, "dist", GEN_DIR);
  const files = only.length > 0 ? only.map((f) => join(distGen, f.replace(/\.ts$/, ".js"))) : listTests(distGen);
  // A test runner marks its children with NODE_TEST_CONTEXT, which makes a nested `node --test`
  // report to the parent instead of printing its own results and exit code.
  const env = { ...process.env };
  delete env["NODE_TEST_CONTEXT"];
  const run = spawnSync(process.execPath, ["--test", "--test-reporter=tap", ...files], { encoding: "utf8", cwd: project.dir, env });
  const output = `${run.stdout}${run.stderr}`;
  const count = (label: string) => Number(new RegExp(`^# ${label} (\\d+)$`, "m").exec(output)?.[1] ?? Number.NaN);
  return { status: run.status, output, pass: count("pass"), fail: count("fail") };
}

function listTests(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".test.js"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export function read(path: string): string {
  return readFileSync(path, "utf8");
}

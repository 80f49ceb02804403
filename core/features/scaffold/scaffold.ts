/**
 * `protogov scaffold`: compiles the project, runs protoc-gen-protogov-tests
 * in-process on the image, and merges its files with the scaffolds already in
 * the output directory (merge.ts); generates the stubs the tests import again
 * (stubs.ts) and what they need to run (setup.ts). Nothing is written until
 * every file is known, and then all files are written through temporary
 * siblings and renamed into place, so a failure leaves everything as it was.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { loadPlugin } from "../../../plugins/index.js";
import { parseBlocks } from "../../../plugins/test-scaffold/blocks.js";
import { UsageError } from "../../model/errors.js";
import { commitStaged, stageFile } from "../../model/fs/atomic-write.js";
import { removeTemp } from "../../model/fs/lifecycle.js";
import { compiledProject } from "../generate/compiled-project.js";
import { checkOutputPlace, projectPlace } from "../generate/output-dir.js";
import { requestFromImage, runPluginInProcess } from "../generate/run-plugins.js";
import { type MergeEntry, mergeFile } from "./merge.js";
import { scaffoldSetup } from "./setup.js";
import { generateStubs } from "./stubs.js";

export interface ScaffoldOptions {
  cwd: string;
  configFile?: string | undefined;
  paths?: readonly string[] | undefined;
  /** Output directory, relative to cwd. */
  out: string;
  /** Where protoc-gen-es and the errors plugin write (relative to cwd); default: `out`. */
  gen?: string | undefined;
  runner: "node" | "vitest";
  /** Module pattern of the implementation, relative to cwd (`./src/{service_snake}.js`) or a package. */
  impl?: string | undefined;
  /** Report only; write nothing. */
  check: boolean;
  /** Regenerate the stubs the tests import (protoc-gen-es and the errors plugin) into `gen` (default true). */
  stubs?: boolean | undefined;
  /** Write what the tests need to run: tsconfig, package.json entries (default true; see setup.ts). */
  setup?: boolean | undefined;
}

export interface ScaffoldResult {
  outDir: string;
  entries: MergeEntry[];
  /** Files written (or, with `check`, that would be), relative to outDir. */
  changed: string[];
  /** Stub files written (or that would be) because they changed, relative to the stubs' directory. */
  stubs: string[];
  /** Setup files written or changed (see setup.ts), relative to the cwd, with what changed. */
  setup: { file: string; note: string }[];
}

export async function scaffold(opts: ScaffoldOptions): Promise<ScaffoldResult> {
  const cwd = resolve(opts.cwd);
  const outDir = resolve(cwd, opts.out);
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
    throw new UsageError(`--out ${opts.out} is not a directory`, { hint: "pass the directory the test scaffolds go to" });
  }
  const parameter = pluginParameter(opts, cwd, outDir);
  const genDir = resolve(cwd, opts.gen ?? opts.out);
  const compiled = await compiledProject({ cwd, configFile: opts.configFile, paths: opts.paths });
  let files: Map<string, string>;
  let stubFiles = new Map<string, string>();
  try {
    const place = projectPlace(compiled.project, cwd);
    checkOutputPlace(outDir, place, "scaffold", `--out ${opts.out}`);
    // The stubs the tests import are written there too.
    if (opts.gen !== undefined) checkOutputPlace(genDir, place, "scaffold", `--gen ${opts.gen}`);
    const response = runPluginInProcess(await loadPlugin("tests"), requestFromImage(compiled.imagePath, compiled.project, parameter));
    files = new Map(response.file.map((f) => [f.name, f.content]));
    if (opts.stubs !== false) stubFiles = await generateStubs(compiled.imagePath, compiled.project);
  } finally {
    compiled.dispose();
  }
  const entries: MergeEntry[] = [];
  /** Absolute path -> new content. */
  const writes = new Map<string, string>();
  for (const [name, content] of files) {
    const path = join(outDir, name);
    const merged = mergeFile(name, content, readIfExists(path));
    entries.push(...merged.entries);
    if (merged.content !== undefined) writes.set(path, merged.content);
  }
  const changed = [...writes.keys()].map((p) => toPosix(relative(outDir, p))).sort();
  for (const stale of staleScaffolds(outDir, files)) {
    entries.push({ file: stale, block: undefined, action: "left-alone", reason: "its service is no longer in the protos" });
  }
  const stubs = [...stubFiles].filter(([name, content]) => readIfExists(join(genDir, name)) !== content).map(([name]) => name);
  for (const name of stubs) writes.set(join(genDir, name), stubFiles.get(name) ?? "");
  const setup = opts.setup === false ? [] : scaffoldSetup(cwd, outDir, opts.runner);
  for (const change of setup) writes.set(change.path, change.content);
  if (!opts.check) writeAll(outDir, writes);
  return {
    outDir,
    entries,
    changed,
    stubs: stubs.sort(),
    setup: setup.map((c) => ({ file: toPosix(relative(cwd, c.path)), note: c.note })),
  };
}

function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}

function pluginParameter(opts: ScaffoldOptions, cwd: string, outDir: string): string {
  const params = ["target=ts", "import_extension=js", `runner=${opts.runner}`];
  if (opts.impl !== undefined) params.push(`impl_import=${fromOut(opts.impl, cwd, outDir)}`);
  if (opts.gen !== undefined && resolve(cwd, opts.gen) !== outDir) {
    const gen = toPosix(relative(outDir, resolve(cwd, opts.gen)));
    const target = gen.startsWith("..") ? gen : `./${gen}`;
    params.push(`rewrite_imports=./**/*_pb.js:${target}`, `rewrite_imports=./**/*_errors.js:${target}`);
  }
  if (params.some((p) => p.slice(p.indexOf("=") + 1).includes(","))) {
    throw new UsageError("--impl and --gen must not contain a comma", { hint: "plugin parameters are comma-separated" });
  }
  return params.join(",");
}

/** A relative module pattern given from the cwd, made relative to the output root as the plugin expects. */
function fromOut(pattern: string, cwd: string, outDir: string): string {
  if (!pattern.startsWith("./") && !pattern.startsWith("../") && !isAbsolute(pattern)) return pattern;
  const rel = toPosix(relative(outDir, resolve(cwd, pattern)));
  return rel.startsWith("..") ? rel : `./${rel}`;
}

/** Scaffold files (they hold protogov blocks) under outDir that the plugin no longer generates. */
function staleScaffolds(outDir: string, generated: ReadonlyMap<string, string>): string[] {
  if (!existsSync(outDir)) return [];
  return readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(test|impl)\.ts$/.test(e.name))
    .map((e) => toPosix(relative(outDir, join(e.parentPath, e.name))))
    .filter((f) => !generated.has(f) && parseBlocks(readFileSync(join(outDir, f), "utf8")).some((s) => s.kind === "block"))
    .sort();
}

/** Writes every file (absolute paths) to a temporary sibling first; renames only once all were written. */
function writeAll(outDir: string, files: ReadonlyMap<string, string>): void {
  const staged: [string, string][] = [];
  const createdDirs: string[] = [];
  try {
    for (const [target, content] of files) {
      // mkdirSync returns the first directory it had to create: removed again on failure.
      const created = mkdirSync(dirname(target), { recursive: true });
      if (created !== undefined) createdDirs.push(created);
      staged.push([stageFile(target, content), target]);
    }
  } catch (e) {
    for (const [tmp] of staged) removeTemp(tmp);
    for (const dir of createdDirs.reverse()) rmSync(dir, { recursive: true, force: true });
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UsageError(`cannot write the scaffolds to ${outDir} (${reason}); nothing was changed`, {
      hint: "pass --out a writable directory",
    });
  }
  commitStaged(staged);
}

function toPosix(p: string): string {
  return sep === "/" ? p : p.split(sep).join("/");
}

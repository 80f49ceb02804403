/**
 * `protogov generate`: compiles the project once and builds every selected
 * target from that one image: each plugin's files merged under the target's
 * output, TypeScript targets turned into an npm package. Output depends only
 * on the protos, the config and protogov's version (no dates, sorted
 * listings), so the same input gives byte-identical output.
 *
 * `writeOutputDir` makes each target's files its whole output directory:
 * staged in a sibling, then swapped in, so removed protos leave no stale
 * output and a failure leaves the previous output; a non-empty directory
 * protogov did not make is never replaced.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fromBinary } from "@bufbuild/protobuf";
import { type FileDescriptorSet, FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import { didYouMean } from "../config/did-you-mean.js";
import { ConfigError, InputError, UsageError } from "../errors.js";
import { compiledProject } from "../generate/compiled-project.js";
import { OUTPUT_MARKER } from "../generate/run-plugin.js";
import type { Project } from "../project/project.js";
import { buildNpmPackage, type ReleaseInfo } from "./npm-package.js";
import { generatesImports } from "./plugin-kinds.js";
import { type FileMap, runTargetPlugin } from "./run-plugins.js";
import type { TargetConfig } from "./types.js";

export interface GenerateTargetsOptions {
  cwd: string;
  configFile?: string | undefined;
  /** Target names (--target); empty = all. */
  names: readonly string[];
  /** Per target: the release being built (publish), else an unreleased build. */
  releaseOf?: (target: TargetConfig) => ReleaseInfo | undefined;
}

export interface GeneratedTarget {
  target: TargetConfig;
  files: FileMap;
}

export interface GeneratedTargets {
  project: Project;
  targets: GeneratedTarget[];
}

/** The targets named on the command line, in config order; every name must exist. */
export function selectTargets(all: readonly TargetConfig[], names: readonly string[], configFile: string | undefined): TargetConfig[] {
  if (all.length === 0) {
    throw new ConfigError(`no targets in ${configFile ?? "protogov.yaml (none found)"}`, {
      hint: 'add a "targets" list (see docs/publishing.md, or `protogov init` for a commented example)',
    });
  }
  const known = all.map((t) => t.name);
  for (const name of names) {
    if (!known.includes(name)) {
      const guess = didYouMean(name, known);
      throw new UsageError(`unknown target "${name}"${guess ? ` (did you mean "${guess}"?)` : ""}; targets: ${known.join(", ")}`);
    }
  }
  return names.length === 0 ? [...all] : all.filter((t) => names.includes(t.name));
}

export interface Generation {
  project: Project;
  selected: TargetConfig[];
  /** Builds one target's files from the shared image; `release` sets version and source commit. */
  build(target: TargetConfig, release: ReleaseInfo | undefined): Promise<FileMap>;
  dispose(): void;
}

/** One compile for every target built from it; call `dispose` when done. */
export async function openGeneration(opts: Omit<GenerateTargetsOptions, "releaseOf">): Promise<Generation> {
  const compiled = await compiledProject({ cwd: opts.cwd, configFile: opts.configFile });
  try {
    const { project } = compiled;
    const selected = selectTargets(project.loaded.config.targets, opts.names, project.loaded.file);
    const set = fromBinary(FileDescriptorSetSchema, readFileSync(compiled.imagePath));
    const projectFiles = set.file.map((f) => f.name).filter((n) => project.byImportPath.has(n));
    // Imports the generated code refers to (protogov's errors.proto, vendored APIs); the
    // well-known types ship with each language's protobuf runtime.
    const withImports = set.file.map((f) => f.name).filter((n) => project.byImportPath.has(n) || !n.startsWith("google/protobuf/"));
    const pluginOutput = new Map<string, FileMap>();
    const build = async (target: TargetConfig, release: ReleaseInfo | undefined): Promise<FileMap> => {
      let merged = pluginOutput.get(target.name);
      if (!merged) {
        merged = await runPlugins(target, { imagePath: compiled.imagePath, set, projectFiles, withImports });
        pluginOutput.set(target.name, merged);
      }
      return sorted(target.language === "typescript" ? buildNpmPackage(target, merged, { set, projectFiles }, release) : merged);
    };
    return { project, selected, build, dispose: compiled.dispose };
  } catch (e) {
    compiled.dispose();
    throw e;
  }
}

export async function generateTargets(opts: GenerateTargetsOptions): Promise<GeneratedTargets> {
  const generation = await openGeneration(opts);
  try {
    const targets: GeneratedTarget[] = [];
    for (const target of generation.selected) targets.push({ target, files: await generation.build(target, opts.releaseOf?.(target)) });
    return { project: generation.project, targets };
  } finally {
    generation.dispose();
  }
}

async function runPlugins(
  target: TargetConfig,
  input: { imagePath: string; set: FileDescriptorSet; projectFiles: string[]; withImports: string[] },
): Promise<FileMap> {
  const merged: FileMap = new Map();
  const owner = new Map<string, string>();
  for (const plugin of target.plugins) {
    const files = generatesImports(plugin.name) ? input.withImports : input.projectFiles;
    const out = await runTargetPlugin(plugin, { imagePath: input.imagePath, set: input.set, files });
    for (const [name, content] of out) {
      const path = plugin.out ? `${plugin.out.replace(/\/+$/, "")}/${name}` : name;
      const previous = owner.get(path);
      if (previous !== undefined) {
        throw new InputError(`target ${target.name}: plugins ${previous} and ${plugin.name} both write ${path}`, {
          hint: `give one of them its own "out" subdirectory in protogov.yaml`,
        });
      }
      owner.set(path, plugin.name);
      merged.set(path, content);
    }
  }
  return merged;
}

function sorted(files: FileMap): FileMap {
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function writeOutputDir(files: FileMap, outDir: string, label: string): void {
  const target = resolve(outDir);
  const ours = existsSync(join(target, OUTPUT_MARKER));
  if (existsSync(target) && !ours && readdirSync(target).length > 0) {
    throw new InputError(`${label}: output directory ${outDir} holds files protogov did not write; refusing to replace it`, {
      hint: `set the target's "out" to a new directory, or empty ${outDir} first`,
    });
  }
  const staging = `${target}.protogov-tmp-${process.pid}`;
  const old = `${target}.protogov-old-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    mkdirSync(staging, { recursive: true });
    for (const [name, content] of files) {
      mkdirSync(dirname(join(staging, name)), { recursive: true });
      writeFileSync(join(staging, name), content);
    }
    writeFileSync(join(staging, OUTPUT_MARKER), "generated by protogov generate; this directory is replaced on every run\n");
    mkdirSync(dirname(target), { recursive: true });
    if (existsSync(target)) renameSync(target, old);
    renameSync(staging, target);
    rmSync(old, { recursive: true, force: true });
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
}

/**
 * `protogov generate`: compiles the project once and builds every selected
 * target from that one image: each plugin's files merged under the target's
 * output, TypeScript targets turned into an npm package, other languages into
 * their package by packages/index.ts (Go: a module, PHP: a composer package). Output depends only
 * on the protos, the config and protogov's version (no dates, sorted
 * listings), so the same input gives byte-identical output.
 * The files are written by output-dir.ts (cli/commands/generate.ts).
 */
import { readFileSync } from "node:fs";
import { posix } from "node:path";
import { fromBinary } from "@bufbuild/protobuf";
import { type FileDescriptorSet, FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import { didYouMean } from "../../model/config/did-you-mean.js";

import type { TargetConfig } from "../../model/config/target-config.js";
import { ConfigError, InputError, UsageError } from "../../model/errors.js";
import type { Project } from "../../model/project/project.js";
import { compiledProject } from "./compiled-project.js";
import { buildNpmPackage, type ReleaseInfo } from "./npm-package.js";
import { writeOutputDir } from "./output-dir.js";
import { packageBuilder } from "./packages/index.js";
import { type FileMap, generatesImports, runTargetPlugin } from "./run-plugins.js";

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

/**
 * The image's files, and which a plugin generates: the project's own, or (for
 * code generators, see PluginEntry.generatesImports) those plus the imports the
 * generated code refers to (protogov's errors.proto, vendored APIs); the
 * well-known types ship with each language's protobuf runtime.
 */
export function pluginFiles(
  imagePath: string,
  project: Project,
): { set: FileDescriptorSet; projectFiles: string[]; withImports: string[] } {
  const set = fromBinary(FileDescriptorSetSchema, readFileSync(imagePath));
  const projectFiles = set.file.map((f) => f.name).filter((n) => project.byImportPath.has(n));
  const withImports = set.file.map((f) => f.name).filter((n) => project.byImportPath.has(n) || !n.startsWith("google/protobuf/"));
  return { set, projectFiles, withImports };
}

/** One compile for every target built from it; call `dispose` when done. */
export async function openGeneration(opts: Omit<GenerateTargetsOptions, "releaseOf">): Promise<Generation> {
  const compiled = await compiledProject({ cwd: opts.cwd, configFile: opts.configFile });
  try {
    const { project } = compiled;
    const selected = selectTargets(project.loaded.config.targets, opts.names, project.loaded.file);
    const { set, projectFiles, withImports } = pluginFiles(compiled.imagePath, project);
    const pluginOutput = new Map<string, FileMap>();
    const build = async (target: TargetConfig, release: ReleaseInfo | undefined): Promise<FileMap> => {
      const builder = packageBuilder(target);
      const setup = builder ? await builder.setup(target, set, release) : undefined;
      const key = `${target.name}\0${setup?.key ?? ""}`;
      let merged = pluginOutput.get(key);
      if (!merged) {
        const keep = (names: string[]) => (setup ? names.filter((n) => !setup.exclude.has(n)) : names);
        const input = {
          imagePath: compiled.imagePath,
          set: setup?.set ?? set,
          projectFiles: keep(projectFiles),
          withImports: keep(withImports),
          executables: setup?.executables,
        };
        merged = await runPlugins(setup?.target ?? target, input);
        pluginOutput.set(key, merged);
      }
      if (builder) return sorted(await builder.build(target, merged, release));
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
  input: {
    imagePath: string;
    set: FileDescriptorSet;
    projectFiles: string[];
    withImports: string[];
    executables?: ReadonlyMap<string, string> | undefined;
  },
): Promise<FileMap> {
  const merged: FileMap = new Map();
  const owner = new Map<string, string>();
  for (const plugin of target.plugins) {
    if (plugin.out && escapes(plugin.out)) {
      throw new ConfigError(
        `target ${target.name}: plugin ${plugin.name} has out "${plugin.out}", which leaves the target's output directory`,
        {
          hint: `give the plugin a subdirectory of the target's output ("out: ${plugin.name}"), or change the target's "out"`,
        },
      );
    }
    const files = generatesImports(plugin.name) ? input.withImports : input.projectFiles;
    const out = await runTargetPlugin(plugin, { imagePath: input.imagePath, set: input.set, files, executables: input.executables });
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

/** An absolute path, or one that climbs out with `..`. */
function escapes(out: string): boolean {
  const normal = posix.normalize(out.replaceAll("\\", "/"));
  return posix.isAbsolute(out) || normal === ".." || normal.startsWith("../");
}

function sorted(files: FileMap): FileMap {
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A target's files become its whole output directory; a non-empty directory protogov did not make is refused. */
export function writeTargetOutput(files: FileMap, outDir: string, target: TargetConfig): string[] {
  const entries = [...files].map(([name, content]) => ({ name, content }));
  return writeOutputDir(entries, outDir, {
    foreign: "refuse",
    label: `target ${target.name}`,
    marker: "generated by protogov generate; this directory is replaced on every run\n",
  });
}

/**
 * The one writer of generated output (generate's targets, docs, scaffold's
 * files and reports go through `checkOutputPlace` and the atomic writes of
 * core/model/fs): the files become the whole output directory, staged in a
 * sibling directory and swapped in, so removed elements leave no stale files
 * and a failure (a full disk, a signal) leaves the previous output untouched.
 *
 * Where output may go (checkOutputPlace): inside the project (or below the
 * directory the user ran from), never equal to, inside of, or holding a
 * module directory's sources, a .proto file or the configuration.
 *
 * A directory protogov made holds OUTPUT_MARKER and is replaced whole. Any
 * other existing directory is the user's: `foreign: "refuse"` (generate)
 * refuses it unless it is empty; `foreign: "merge"` (docs) only adds or
 * overwrites files there, never deletes, so pointing --out at a user's folder
 * loses nothing.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { InputError, UsageError } from "../../model/errors.js";
import { fsyncDir, writeDurable } from "../../model/fs/atomic-write.js";
import { releaseTemp, removeTemp, trackTemp } from "../../model/fs/lifecycle.js";
import { OUTPUT_MARKER } from "../../model/project/list-files.js";
import type { Project } from "../../model/project/project.js";

/** Marks a directory as protogov's output, which makes it safe to replace whole (and never a source: list-files.ts). */
export { OUTPUT_MARKER };

export interface OutputFile {
  /** Path relative to the output directory. */
  name: string;
  content: string | Uint8Array;
}

export interface OutputPolicy {
  /** What to do with an existing directory protogov did not make (see the file comment). */
  foreign: "refuse" | "merge";
  /** Who writes, for messages (`target ts`). */
  label: string;
  /** The marker's text, saying which command replaces the directory. */
  marker: string;
}

/** Where an output may go: the places it must stay inside, the sources it must not touch. */
export interface OutputPlace {
  /** Directories the output must lie inside (the project root; the cwd for command-line paths). */
  inside: readonly string[];
  /** Module directories, the project root and the configuration file. */
  protectedDirs: readonly string[];
  /** Source files (absolute). */
  sources: readonly string[];
}

/** The place of a project's outputs; `cwd` also allows paths below it (given on the command line). */
export function projectPlace(project: Project, cwd?: string): OutputPlace {
  const inside = [project.root, ...(cwd ? [resolve(cwd)] : [])];
  const protectedDirs = [project.root, ...project.modules.map((m) => m.dir), ...(project.loaded.file ? [project.loaded.file] : [])];
  return { inside, protectedDirs, sources: project.files.map((f) => f.abs) };
}

export function isWithin(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/**
 * Refuses (exit 2, naming the path) an output directory or file outside the
 * project or overlapping its sources. `shownAs` is the path as the user wrote it.
 */
export function checkOutputPlace(out: string, place: OutputPlace, label: string, shownAs: string): void {
  const target = resolve(out);
  const hint = "write generated output to its own directory inside the project, e.g. gen/<name> or site/";
  if (!place.inside.some((dir) => isWithin(target, dir))) {
    throw new UsageError(`${label}: output ${shownAs} (${target}) is outside the project (${place.inside[0]})`, { hint });
  }
  for (const dir of place.protectedDirs) {
    if (isWithin(dir, target)) {
      throw new UsageError(`${label}: output ${shownAs} would replace or hold ${dir}, which holds the project's sources`, { hint });
    }
  }
  const source = place.sources.find((file) => isWithin(file, target));
  if (source) {
    throw new UsageError(`${label}: output ${shownAs} overlaps the source file ${source}; refusing to write there`, { hint });
  }
}

/** Writes `files` (consumed as they come: docs renders page by page) and returns their sorted names. */
export function writeOutputDir(files: Iterable<OutputFile>, outDir: string, policy: OutputPolicy): string[] {
  const target = resolve(outDir);
  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw new InputError(`${policy.label}: output ${outDir} is a file, not a directory`, {
      hint: "point the output at a directory (it is created when missing)",
    });
  }
  const ours = existsSync(join(target, OUTPUT_MARKER));
  if (policy.foreign === "refuse" && existsSync(target) && !ours && readdirSync(target).length > 0) {
    throw new InputError(`${policy.label}: output directory ${outDir} holds files protogov did not write; refusing to replace it`, {
      hint: `set the target's "out" to a new directory, or empty ${outDir} first`,
    });
  }
  mkdirSync(dirname(target), { recursive: true });
  const staging = `${target}.protogov-tmp-${process.pid}`;
  removeTemp(staging); // a leftover of an earlier run with the same pid
  trackTemp(staging);
  const written: string[] = [];
  try {
    mkdirSync(staging, { recursive: true });
    for (const file of files) {
      if (!file.name || file.name.split("/").includes("..") || file.name.startsWith("/")) {
        throw new InputError(`${policy.label}: the generated file name "${file.name}" leaves the output directory; nothing was written`, {
          hint: "a plugin's file names must be relative paths inside its output",
        });
      }
      const path = join(staging, file.name);
      mkdirSync(dirname(path), { recursive: true });
      writeDurable(path, file.content);
      written.push(file.name);
    }
    writeDurable(join(staging, OUTPUT_MARKER), policy.marker);
    // From here on everything is synchronous renames: no signal handler runs in between.
    if (!existsSync(target) || ours || policy.foreign === "refuse") {
      const old = `${target}.protogov-old-${process.pid}`;
      const had = existsSync(target);
      if (had) renameSync(target, old);
      try {
        renameSync(staging, target);
      } catch (e) {
        if (had) renameSync(old, target);
        throw e;
      }
      releaseTemp(staging);
      fsyncDir(dirname(target));
      if (had) removeTemp(old);
    } else {
      for (const name of written) {
        mkdirSync(dirname(join(target, name)), { recursive: true });
        renameSync(join(staging, name), join(target, name));
      }
      fsyncDir(target);
      removeTemp(staging);
    }
  } catch (e) {
    removeTemp(staging);
    throw e;
  }
  return written.sort();
}

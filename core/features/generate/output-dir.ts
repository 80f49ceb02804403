/**
 * The one writer of generated output (generate's targets, docs, scaffold's
 * fresh files go through their own merge): the files become the whole output
 * directory, staged in a sibling directory and swapped in, so removed elements
 * leave no stale files and a failure leaves the previous output untouched.
 *
 * A directory protogov made holds OUTPUT_MARKER and is replaced whole. Any
 * other existing directory is the user's: `foreign: "refuse"` (generate)
 * refuses it unless it is empty; `foreign: "merge"` (docs) only adds or
 * overwrites files there, never deletes, so pointing --out at a user's folder
 * loses nothing.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { InputError } from "../../model/errors.js";

import { OUTPUT_MARKER } from "../../model/project/list-files.js";

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

/** Writes `files` (consumed as they come: docs renders page by page) and returns their sorted names. */
export function writeOutputDir(files: Iterable<OutputFile>, outDir: string, policy: OutputPolicy): string[] {
  const target = resolve(outDir);
  const ours = existsSync(join(target, OUTPUT_MARKER));
  if (policy.foreign === "refuse" && existsSync(target) && !ours && readdirSync(target).length > 0) {
    throw new InputError(`${policy.label}: output directory ${outDir} holds files protogov did not write; refusing to replace it`, {
      hint: `set the target's "out" to a new directory, or empty ${outDir} first`,
    });
  }
  const staging = `${target}.protogov-tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const written: string[] = [];
  try {
    mkdirSync(staging, { recursive: true });
    for (const file of files) {
      if (!file.name || file.name.split("/").includes("..") || file.name.startsWith("/")) continue;
      const path = join(staging, file.name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
      written.push(file.name);
    }
    writeFileSync(join(staging, OUTPUT_MARKER), policy.marker);
    if (!existsSync(target) || ours || policy.foreign === "refuse") {
      const old = `${target}.protogov-old-${process.pid}`;
      mkdirSync(dirname(target), { recursive: true });
      if (existsSync(target)) renameSync(target, old);
      renameSync(staging, target);
      rmSync(old, { recursive: true, force: true });
    } else {
      for (const name of written) {
        mkdirSync(dirname(join(target, name)), { recursive: true });
        renameSync(join(staging, name), join(target, name));
      }
      rmSync(staging, { recursive: true, force: true });
    }
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  return written.sort();
}

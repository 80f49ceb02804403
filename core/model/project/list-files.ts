import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * Directories never holding a project's own protos; skipping them keeps big
 * repositories fast. Hidden directories (`.git`, `.cache`, a tool installed
 * under `.protogov`) are skipped too, and so is protogov's own output (a
 * directory holding OUTPUT_MARKER: a generated package may carry .proto
 * files, which are copies, not sources).
 */
const SKIPPED_DIRS = new Set(["node_modules", "dist", "bower_components"]);

/** The file protogov writes into every output directory it owns (features/generate/output-dir.ts). */
export const OUTPUT_MARKER = ".protogov-output";

/** Whether a directory (its name, and its path for the output marker) is never searched for sources. */
function skippedDir(name: string, abs: string): boolean {
  return SKIPPED_DIRS.has(name) || name.startsWith(".") || existsSync(join(abs, OUTPUT_MARKER));
}

/** Whether `importPath` (relative to `moduleDir`) lies in a directory the file listing skips. */
export function inSkippedDir(moduleDir: string, importPath: string): boolean {
  const dirs = importPath.split("/").slice(0, -1);
  return dirs.some((name, i) => skippedDir(name, join(moduleDir, ...dirs.slice(0, i + 1))));
}

/**
 * Every .proto file under `dir`, sorted, leaving out `excludes` (absolute
 * paths). The skipped directories met on the way are added to `skipped`, so
 * callers can exclude them from buf's view of the module too (buf would
 * otherwise compile and format them).
 */
export function listProtoFiles(dir: string, excludes: readonly string[], skipped?: string[]): string[] {
  const out: string[] = [];
  const excluded = new Set(excludes);
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const abs = join(d, entry.name);
      if (excluded.has(abs)) continue;
      if (entry.isDirectory()) {
        if (!skippedDir(entry.name, abs)) walk(abs);
        else skipped?.push(abs);
      } else if (entry.name.endsWith(".proto") && (entry.isFile() || entry.isSymbolicLink())) {
        out.push(abs);
      }
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * A module's .proto files; the directories the listing skipped (node_modules,
 * hidden ones, protogov's output) join the module's excludes, so buf's view of
 * the module (compile, format) leaves them out as well.
 */
export function listedFiles(module: { dir: string; excludes: string[] }): string[] {
  const skipped: string[] = [];
  const files = listProtoFiles(module.dir, module.excludes, skipped);
  module.excludes.push(...skipped);
  return files;
}

/**
 * Writes .proto files straight from git objects into a directory laid out like
 * the project (module directories at their project-relative paths), without a
 * checkout: the user's work tree and index are never touched. Used for the
 * base side of a breaking check (blobs of a commit) and by the pre-commit hook
 * (blobs of the index). With `only`, just those import paths and their import
 * closure are written, read level by level of imports from one `cat-file --batch`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ToolError } from "../../model/errors.js";
import { BlobStream } from "./blob-stream.js";
import type { TreeEntry } from "./git.js";

const IMPORT_LINE = /^\s*import\s+(?:public\s+|weak\s+)?"([^"]+)"\s*;/gm;

export interface BlobSource {
  /** Blobs with repository-relative paths (from `ls-tree` or `ls-files -s`). */
  entries: readonly TreeEntry[];
  /** Where the blobs come from, for error messages: a short commit id, "the index". */
  label: string;
  /** Repository root, where `git cat-file` runs. */
  repoRoot: string;
}

export interface ModuleLayout {
  /** Module directory relative to the repository root ("." for the root). */
  repoPaths: readonly string[];
  /** Module directory relative to the project root ("." for the root), where files are written under `root`. */
  rels: readonly string[];
}

export interface IndexedBlob {
  entry: TreeEntry;
  module: number;
}

/** Import path -> blob of every .proto under the modules; the first module holding an import path wins. */
export function indexByImportPath(entries: readonly TreeEntry[], repoPaths: readonly string[]): Map<string, IndexedBlob> {
  const byImport = new Map<string, IndexedBlob>();
  for (const entry of entries) {
    if (!entry.path.endsWith(".proto")) continue;
    const module = repoPaths.findIndex((m) => m === "." || entry.path.startsWith(`${m}/`));
    if (module < 0) continue;
    const modPath = repoPaths[module] ?? ".";
    const importPath = modPath === "." ? entry.path : entry.path.slice(modPath.length + 1);
    if (!byImport.has(importPath)) byImport.set(importPath, { entry, module });
  }
  return byImport;
}

/**
 * Writes the files under `root` and returns the import paths written.
 * `only`: import paths to write with their import closure; undefined = every file.
 */
export async function materialize(
  source: BlobSource,
  layout: ModuleLayout,
  root: string,
  only: ReadonlySet<string> | undefined,
): Promise<Set<string>> {
  const byImport = indexByImportPath(source.entries, layout.repoPaths);
  let wanted = only ? [...only].filter((p) => byImport.has(p)) : [...byImport.keys()];
  const written = new Set<string>();
  const stream = new BlobStream(source.repoRoot);
  try {
    while (wanted.length > 0) {
      const batch = wanted.filter((p) => !written.has(p));
      const blobs = await stream.read(batch.map((p) => byImport.get(p)?.entry.oid ?? ""));
      const next: string[] = [];
      for (const importPath of batch) {
        const item = byImport.get(importPath);
        const blob = item ? blobs.get(item.entry.oid) : undefined;
        if (!item || !blob) throw new ToolError(`could not read ${importPath} at ${source.label} from git`);
        const target = join(root, layout.rels[item.module] ?? ".", importPath);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, blob);
        written.add(importPath);
        if (only) {
          for (const m of blob.toString("utf8").matchAll(IMPORT_LINE)) {
            const dep = m[1];
            if (dep && byImport.has(dep) && !written.has(dep)) next.push(dep);
          }
        }
      }
      wanted = [...new Set(next)];
    }
  } finally {
    stream.close();
  }
  return written;
}

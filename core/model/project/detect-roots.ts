/**
 * Finds the module roots of a tree of .proto files: a file declaring package
 * `acme.users.v1` at `proto/acme/users/v1/x.proto` has its root at `proto/`.
 * Files whose directory does not end in their package path fall back to the
 * directory itself.
 */
import { readFileSync } from "node:fs";
import { dirname, relative, sep } from "node:path";
import { listProtoFiles, skippedSourceDirs } from "./list-files.js";

const PACKAGE_LINE = /^\s*package\s+([A-Za-z_][\w.]*)\s*;/m;

export interface DetectedLayout {
  roots: string[];
  files: number;
  packages: string[];
  /** Directories holding .proto files that are not sources (node_modules, hidden, ignored by git), relative, with why. */
  skipped: { rel: string; reason: string }[];
}

export function detectRoots(dir: string): DetectedLayout {
  const roots = new Set<string>();
  const packages = new Set<string>();
  const files = listProtoFiles(dir, []);
  for (const file of files) {
    const relDir = relative(dir, dirname(file)).split(sep).join("/");
    let text = "";
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    const pkg = PACKAGE_LINE.exec(text)?.[1];
    if (pkg) packages.add(pkg);
    const pkgPath = pkg ? pkg.split(".").join("/") : "";
    if (pkgPath && (relDir === pkgPath || relDir.endsWith(`/${pkgPath}`))) {
      roots.add(relDir.slice(0, relDir.length - pkgPath.length).replace(/\/$/, "") || ".");
    } else {
      roots.add(relDir || ".");
    }
  }
  // A root inside another root would make two modules claim the same files.
  const sorted = [...roots].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const r of sorted) {
    if (!kept.some((k) => k === "." || r === k || r.startsWith(`${k}/`))) kept.push(r);
  }
  const skipped = skippedSourceDirs(dir).map((s) => ({ rel: relative(dir, s.abs).split(sep).join("/"), reason: s.reason }));
  return { roots: kept.sort(), files: files.length, packages: [...packages].sort(), skipped };
}

/**
 * Under zero config, a path inside a module (`proto/acme/users`) still needs
 * the module root (`proto/`) for imports to resolve: infer it from the first
 * file whose directory ends in its package path. Returns undefined when the
 * files do not follow that layout or the root is not at or above `dir`.
 */
export function inferModuleRoot(dir: string): string | undefined {
  for (const file of listProtoFiles(dir, []).slice(0, 20)) {
    let text = "";
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    const pkg = PACKAGE_LINE.exec(text)?.[1];
    if (!pkg) continue;
    const fileDir = dirname(file);
    const suffix = pkg.split(".").join(sep);
    if (!fileDir.endsWith(`${sep}${suffix}`)) continue;
    const root = fileDir.slice(0, fileDir.length - suffix.length - 1);
    const rel = relative(root, dir);
    return rel.startsWith("..") ? undefined : root;
  }
  return undefined;
}

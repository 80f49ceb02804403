/**
 * The packages generated TypeScript imports at run time, as installed next to
 * protogov: their directories (to type-check the generated code against) and
 * exact versions (pinned in the generated package.json, so consumers run the
 * code against what it was generated for).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ToolError } from "../errors.js";

export const RUNTIME_PACKAGES = ["@bufbuild/protobuf", "@connectrpc/connect", "@protogov/errors-runtime"] as const;
export type RuntimePackage = (typeof RUNTIME_PACKAGES)[number];

export interface InstalledPackage {
  name: string;
  version: string;
  /** Directory holding its package.json (a real path). */
  dir: string;
}

const cache = new Map<string, InstalledPackage>();

export function installedPackage(name: RuntimePackage): InstalledPackage {
  const known = cache.get(name);
  if (known) return known;
  let entry: string;
  try {
    // ESM resolution first (@protogov/errors-runtime only exports an "import" condition).
    entry = fileURLToPath(import.meta.resolve(name));
  } catch (e) {
    throw new ToolError(`${name} is not installed next to protogov`, { hint: "reinstall protogov (npm ci)", cause: e });
  }
  // Walk up from the entry point to the package's own package.json (exports maps may hide it).
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (pkg.name !== name || !pkg.version) continue;
    const found = { name, version: pkg.version, dir };
    cache.set(name, found);
    return found;
  }
  throw new ToolError(`cannot find the package.json of ${name} (resolved to ${entry})`);
}

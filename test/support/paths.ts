import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, found from the compiled test file (dist/test/...) or the source. */
export const repoRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) || dir.endsWith("dist")) {
    const up = dirname(dir);
    if (up === dir) throw new Error("package.json not found above the test file");
    dir = up;
  }
  return dir;
})();

export const fixturesDir = join(repoRoot, "test", "fixtures");
export const examplesDir = join(repoRoot, "proto-examples");
/** The CLI entry point, compiled. */
export const cliBin = join(repoRoot, "dist", "cli", "bin.js");

/** The version of a package installed in protogov's own node_modules (what generated packages pin). */
export function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(join(repoRoot, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
}

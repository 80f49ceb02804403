import { existsSync } from "node:fs";
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

import { readdirSync } from "node:fs";
import { join } from "node:path";

/** Directories never holding a project's own protos; skipping them keeps big repositories fast. */
const SKIPPED_DIRS = new Set(["node_modules", ".git", "dist", ".protogov-cache"]);

/** Every .proto file under `dir`, sorted, leaving out `excludes` (absolute paths). */
export function listProtoFiles(dir: string, excludes: readonly string[]): string[] {
  const out: string[] = [];
  const excluded = new Set(excludes);
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const abs = join(d, entry.name);
      if (excluded.has(abs)) continue;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith(".")) walk(abs);
      } else if (entry.name.endsWith(".proto") && (entry.isFile() || entry.isSymbolicLink())) {
        out.push(abs);
      }
    }
  };
  walk(dir);
  return out.sort();
}

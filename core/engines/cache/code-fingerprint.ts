/**
 * protogov's own code as installed: size and modification time of every
 * module under the given folders of the build. A release changes
 * PROTOGOV_VERSION, but a developer's rebuild (or a patched install) keeps it:
 * the result cache must not reuse results of other code, and the hook's
 * server must not answer with it. Asynchronous: the server computes it while
 * a commit's checks run, off their path.
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { sha256 } from "./content-store.js";

export async function codeFingerprint(dist: string, folders: readonly string[]): Promise<string> {
  const paths: string[] = [];
  for (const folder of folders) {
    for (const entry of await readdir(join(dist, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith(".js")) paths.push(join(entry.parentPath, entry.name));
    }
  }
  const parts = await Promise.all(
    paths.map(async (path) => {
      const st = await stat(path);
      return `${path}:${st.size}:${st.mtimeMs}`;
    }),
  );
  return sha256(parts.sort().join("\n"));
}

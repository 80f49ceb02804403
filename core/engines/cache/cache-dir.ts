/**
 * protogov's cache root, shared by the result cache, the base images and the
 * generator plugins protogov installs itself: PROTOGOV_CACHE_DIR, else
 * $XDG_CACHE_HOME/protogov, else ~/.cache/protogov.
 */
import { homedir } from "node:os";
import { join } from "node:path";

export function cacheDir(): string {
  return process.env["PROTOGOV_CACHE_DIR"] ?? join(process.env["XDG_CACHE_HOME"] ?? join(homedir(), ".cache"), "protogov");
}

/**
 * Where protogov keeps what it can recompute (base images, lint results,
 * downloaded generator plugins): PROTOGOV_CACHE_DIR, else the XDG cache home.
 * CI caches this one directory (actions/cache, GitLab `cache:`).
 */
import { homedir } from "node:os";
import { join } from "node:path";

export function cacheDir(): string {
  return process.env["PROTOGOV_CACHE_DIR"] ?? join(process.env["XDG_CACHE_HOME"] ?? join(homedir(), ".cache"), "protogov");
}

/** PROTOGOV_NO_CACHE=1 (or true): nothing is read from or written to the cache. */
export function cacheDisabled(): boolean {
  const v = (process.env["PROTOGOV_NO_CACHE"] ?? "").toLowerCase();
  return v !== "" && v !== "0" && v !== "false";
}

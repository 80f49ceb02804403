/**
 * Where the pre-commit hook's server lives and how it is found, started and
 * stopped. The server (cli/hook-server.ts) is a protogov process kept warm
 * between commits, so a commit pays the checks and not Node's start-up and
 * module loading. One server per protogov installation and user: its
 * directory is named after the bin.js it runs, under $XDG_RUNTIME_DIR (or the
 * temp directory), private to the user (0700). Linux only: the hook's client
 * hands over its environment as /proc/<pid>/environ; elsewhere the hook runs
 * protogov directly, as it always did.
 *
 * Files in the directory: `pid` (the server's pid, written last, removed
 * first), `requests` (a FIFO the hook writes one line per commit into),
 * `server.log` (one line per request served, kept short).
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InputError } from "../../model/errors.js";

export const PID_FILE = "pid";
export const REQUESTS_FIFO = "requests";
export const SERVER_LOG = "server.log";

/** PROTOGOV_HOOK_SERVER=0 turns the server off (the hook then starts protogov on every commit). */
export function hookServerEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env["PROTOGOV_HOOK_SERVER"] !== "0" && existsSync("/proc/self/environ");
}

/** The server directory of the protogov whose dist/cli/bin.js is `bin`. */
export function hookServerDir(bin: string, env: NodeJS.ProcessEnv = process.env): string {
  const uid = process.getuid?.() ?? 0;
  const base = env["XDG_RUNTIME_DIR"] ? join(env["XDG_RUNTIME_DIR"], "protogov") : join(tmpdir(), `protogov-${uid}`);
  return join(base, `hook-${createHash("sha256").update(bin).digest("hex").slice(0, 12)}`);
}

/** Creates the directory (0700) and refuses one that another user owns or anyone else may write. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const d of [dir, join(dir, "..")]) {
    const st = lstatSync(d);
    if (!st.isDirectory() || st.uid !== (process.getuid?.() ?? st.uid) || (st.mode & 0o022) !== 0) {
      throw new InputError(`${d} is not a private directory of this user`, {
        hint: "remove it (it holds only the hook server's pid and FIFO), or set PROTOGOV_HOOK_SERVER=0",
      });
    }
  }
}

/** The pid the directory's pid file names, running or not. */
export function readServerPid(dir: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(join(dir, PID_FILE), "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** The running server's pid, or undefined (no pid file, or its process is gone). */
export function runningServer(dir: string): number | undefined {
  const pid = readServerPid(dir);
  if (pid === undefined || !isAlive(pid)) return undefined;
  try {
    // A pid left by a server killed with SIGKILL may belong to another program by now.
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("\0serve\0") ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts a server in the background, unless one runs: its own session, no
 * terminal, nothing inherited, so it outlives the commit that started it and
 * never holds git's pipes open.
 */
export function startHookServer(dir: string, node: string, bin: string): void {
  if (runningServer(dir) !== undefined) return;
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("GIT_")) env[k] = v;
  const child = spawn(node, [bin, "hook", "serve", "--state", dir], { detached: true, stdio: "ignore", cwd: "/", env });
  child.on("error", () => undefined);
  child.unref();
}

/** Stops the server (SIGTERM: it removes its files and exits); true when one was running. */
export function stopHookServer(dir: string): boolean {
  const pid = runningServer(dir);
  if (pid === undefined) return false;
  try {
    process.kill(pid, "SIGTERM");
    return true;
  } catch {
    return false;
  }
}

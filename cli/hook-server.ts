/**
 * `protogov hook serve`: the pre-commit hook's warm server. The installed hook
 * (core/features/hook/install.ts) writes one line per commit into the
 * `requests` FIFO: its pid, whether its stdout is a terminal, and a private
 * directory holding a `done` FIFO. The server runs `protogov hook run` in this
 * process, in the hook's working directory and with the hook's environment
 * (read from /proc/<pid>/environ, so GIT_INDEX_FILE of a partial commit is
 * honoured), writes what the run printed to `out` and `err` in that directory
 * and the exit code into `done`. One request at a time: the run changes
 * process-wide state (environment, working directory, stdout).
 *
 * The hook falls back to running protogov itself whenever anything is off (no
 * server, a server that does not take the request, an answer that is not an
 * exit code), and `hook run` is read-only, so a lost request costs time, never
 * a wrong result. The server exits after PROTOGOV_HOOK_SERVER_IDLE seconds
 * without a request (default 900), on SIGTERM (`protogov hook stop`), when
 * its pid file no longer names it (its directory was removed), and as soon as
 * its own code changed on disk (an upgrade or a rebuild): it answers "stale"
 * and the hook runs the new protogov.
 */
import {
  appendFileSync,
  closeSync,
  constants,
  lstatSync,
  openSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { isAbsolute, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { codeFingerprint } from "../core/engines/cache/code-fingerprint.js";
import { ensurePrivateDir, PID_FILE, REQUESTS_FIFO, readServerPid, runningServer, SERVER_LOG } from "../core/features/hook/server-state.js";
import { ToolError } from "../core/model/errors.js";
import { fifoReader, makeFifo } from "../core/model/fs/fifo.js";
import { removeTemps } from "../core/model/fs/lifecycle.js";

interface Request {
  pid: number;
  tty: boolean;
  dir: string;
}

const BIN = fileURLToPath(new URL("./bin.js", import.meta.url));
const DIST = fileURLToPath(new URL("../", import.meta.url));

/** The code this server runs (all of the build, see code-fingerprint.ts); undefined once it is gone. */
function ownCode(): Promise<string | undefined> {
  return codeFingerprint(DIST, ["cli", "core", "plugins"]).catch(() => undefined);
}

/** Runs a command line in this process and returns its exit code (cli/run-cli.ts). */
type RunCli = (argv: readonly string[]) => Promise<number>;

export async function serveHooks(dir: string, runCli: RunCli): Promise<number> {
  ensurePrivateDir(dir);
  if (runningServer(dir) !== undefined) return 0;
  const stamp = await ownCode();
  const fifo = join(dir, REQUESTS_FIFO);
  const pidFile = join(dir, PID_FILE);
  rmSync(fifo, { force: true });
  if (!makeFifo(fifo)) {
    throw new ToolError(`could not make the FIFO ${fifo}`, { hint: "set PROTOGOV_HOOK_SERVER=0 to run the hook without a server" });
  }
  // Read-write: the FIFO never reports end-of-file between two hooks' writes.
  const input = fifoReader(fifo);
  // With its newline: sh's `read` fails on a last line without one.
  writeFileSync(`${pidFile}.tmp`, `${process.pid}\n`);
  renameSync(`${pidFile}.tmp`, pidFile);
  process.chdir("/");
  let closing = false;
  const cleanUp = () => {
    // Only our own files: a server started at the same moment may have taken the directory over.
    if (readServerPid(dir) !== process.pid) return;
    rmSync(pidFile, { force: true });
    rmSync(fifo, { force: true });
  };
  process.on("exit", cleanUp);

  const idleMs = Number(process.env["PROTOGOV_HOOK_SERVER_IDLE"] ?? 900) * 1000;
  let idle: NodeJS.Timeout | undefined;
  const queue: Request[] = [];
  let busy = false;
  let pending = "";

  return await new Promise<number>((resolve) => {
    const shutdown = () => {
      if (closing) return;
      closing = true;
      if (idle) clearTimeout(idle);
      // The pid file goes first: a hook that still finds the FIFO gets "stale" and runs protogov itself.
      cleanUp();
      setTimeout(() => {
        input.destroy();
        for (const r of queue.splice(0)) answer(r, "stale");
        resolve(0);
      }, 200);
    };
    const armIdle = () => {
      if (idle) clearTimeout(idle);
      idle = setTimeout(shutdown, idleMs);
    };
    const next = async () => {
      if (busy) return;
      const request = queue.shift();
      if (!request) return;
      busy = true;
      try {
        // protogov upgraded or rebuilt since the server started: found while the run goes, the answer is "stale".
        const sameCode = ownCode().then((now) => now !== undefined && now === stamp);
        if (closing || (await serve(request, dir, runCli, sameCode)) === "stale") {
          answer(request, "stale");
          shutdown();
        }
      } catch {
        // serve() answers every request it can; what escapes it leaves the hook to run protogov itself
        answer(request, "failed");
      } finally {
        busy = false;
        if (!closing) armIdle();
        void next();
      }
    };
    input.on("data", (chunk: Buffer) => {
      pending += chunk.toString("utf8");
      let nl = pending.indexOf("\n");
      while (nl >= 0) {
        const request = parseRequest(pending.slice(0, nl));
        pending = pending.slice(nl + 1);
        nl = pending.indexOf("\n");
        if (!request) continue;
        // Taken at once: the hook gives up on a server that leaves its request untouched.
        try {
          writeFileSync(join(request.dir, "taken"), "");
        } catch {
          continue;
        }
        if (closing) answer(request, "stale");
        else queue.push(request);
      }
      void next();
    });
    input.on("error", shutdown);
    armIdle();
    // A server whose pid file is gone or names another (its directory removed, a server started at the
    // same moment took over) is one no hook can reach: it leaves.
    const reachable = setInterval(() => {
      if (readServerPid(dir) !== process.pid) shutdown();
    }, 5000);
    reachable.unref();
  });
}

function parseRequest(line: string): Request | undefined {
  const [pid, tty, dir] = line.split("\t");
  const n = Number(pid);
  if (!Number.isInteger(n) || n <= 0 || !dir || !isAbsolute(dir)) return undefined;
  try {
    const st = lstatSync(dir);
    if (!st.isDirectory() || st.uid !== process.getuid?.()) return undefined;
    if (statSync(`/proc/${n}`).uid !== process.getuid?.()) return undefined;
  } catch {
    return undefined;
  }
  return { pid: n, tty: tty === "1", dir };
}

/** Runs `hook run` as the hook would have, with its environment, directory and terminal. */
async function serve(request: Request, dir: string, runCli: RunCli, sameCode: Promise<boolean>): Promise<"answered" | "stale"> {
  const start = performance.now();
  let env: NodeJS.ProcessEnv;
  let cwd: string;
  try {
    env = parseEnviron(readFileSync(`/proc/${request.pid}/environ`));
    delete env["PROTOGOV_HOOK_STATE"];
    cwd = readlinkSync(`/proc/${request.pid}/cwd`);
  } catch {
    answer(request, "gone");
    return "answered";
  }
  const out: string[] = [];
  const err: string[] = [];
  const saved = { env: process.env, out: process.stdout.write, err: process.stderr.write, tty: process.stdout.isTTY };
  const capture = (into: string[]) =>
    ((chunk: string | Uint8Array) => {
      into.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return true;
    }) as typeof process.stdout.write;
  let code: number;
  try {
    process.env = env;
    process.chdir(cwd);
    process.stdout.write = capture(out);
    process.stderr.write = capture(err);
    process.stdout.isTTY = request.tty;
    code = await runCli([process.execPath, BIN, "hook", "run"]);
  } catch {
    code = 2;
  } finally {
    process.env = saved.env;
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    process.stdout.isTTY = saved.tty;
    process.chdir("/");
    // Temporaries outlive nothing: children's TMPDIR was made in this hook's temp directory.
    removeTemps();
  }
  if (!(await sameCode)) return "stale";
  try {
    writeFileSync(join(request.dir, "out"), out.join(""));
    writeFileSync(join(request.dir, "err"), err.join(""));
  } catch {
    return "answered"; // the hook gave up and removed its directory
  }
  // Logged before the answer: once the hook has its answer, the log already counts it.
  logServed(dir, `${new Date().toISOString()} exit ${code} ${Math.round(performance.now() - start)} ms ${cwd}\n`);
  answer(request, String(code));
  return "answered";
}

/** Writes the answer line to the hook's `done` FIFO, unless nobody reads it any more (Ctrl-C). */
function answer(request: Request, text: string): void {
  try {
    const fd = openSync(join(request.dir, "done"), constants.O_WRONLY | constants.O_NONBLOCK);
    try {
      writeSync(fd, `${text}\n`);
    } finally {
      closeSync(fd);
    }
  } catch {
    // ENXIO: the hook is gone; ENOENT: its directory too
  }
}

function parseEnviron(bytes: Buffer): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const entry of bytes.toString("utf8").split("\0")) {
    const eq = entry.indexOf("=");
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return env;
}

/** One line per request; the log is cut back to its last half once it passes 64 KiB. */
function logServed(dir: string, line: string): void {
  const file = join(dir, SERVER_LOG);
  try {
    appendFileSync(file, line);
    if (statSync(file).size > 64 * 1024) {
      const text = readFileSync(file, "utf8");
      writeFileSync(file, text.slice(text.indexOf("\n", text.length / 2) + 1));
    }
  } catch {
    // the log is a convenience
  }
}

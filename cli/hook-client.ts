/**
 * `protogov hook run --server` asks the hook's server (hook-server.ts) before
 * doing the work itself, as the installed script does in sh: for hook
 * managers that call `protogov hook run` (husky, lefthook, the pre-commit
 * framework). It costs Node's start, not protogov's: bin.ts imports this file
 * alone for that command line. Any doubt (no server, no FIFO reader, a
 * server that dies or does not take the request within 5 s, an answer that
 * is not an exit code) returns undefined, and the run goes on directly.
 */
import { closeSync, constants, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import type { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isAlive, REQUESTS_FIFO, runningServer } from "../core/features/hook/server-state.js";
import { fifoReader, makeFifo } from "../core/model/fs/fifo.js";

const TAKE_WITHIN_MS = 5000;

export async function askHookServer(dir: string): Promise<number | undefined> {
  const pid = runningServer(dir);
  if (pid === undefined) return undefined;
  const started = Date.now();
  const request = mkdtempSync(join(tmpdir(), "protogov-hook-"));
  try {
    const done = join(request, "done");
    if (!makeFifo(done)) return undefined;
    // Open before asking: the server's answer waits in the pipe until it is read.
    const answer = fifoReader(done);
    try {
      if (!send(join(dir, REQUESTS_FIFO), `${process.pid}\t${process.stdout.isTTY ? 1 : 0}\t${request}\n`)) return undefined;
      const line = await firstLine(
        answer,
        () => isAlive(pid) && (existsSync(join(request, "taken")) || Date.now() - started < TAKE_WITHIN_MS),
      );
      if (line === undefined || !/^\d{1,3}$/.test(line)) return undefined;
      process.stdout.write(readFileSync(join(request, "out")));
      process.stderr.write(readFileSync(join(request, "err")));
      return Number(line);
    } finally {
      answer.destroy();
    }
  } finally {
    rmSync(request, { recursive: true, force: true });
  }
}

/** Writes the request line; false when the FIFO has no reader (the server is gone). */
function send(fifo: string, line: string): boolean {
  let fd: number;
  try {
    fd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
  } catch {
    return false;
  }
  try {
    writeSync(fd, line);
    return true;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

/** The first line the server writes, or undefined once `keepWaiting` says no. */
function firstLine(answer: Socket, keepWaiting: () => boolean): Promise<string | undefined> {
  return new Promise((resolve) => {
    let text = "";
    const watch = setInterval(() => {
      if (keepWaiting()) return;
      clearInterval(watch);
      resolve(undefined);
    }, 200);
    answer.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
      const nl = text.indexOf("\n");
      if (nl < 0) return;
      clearInterval(watch);
      resolve(text.slice(0, nl));
    });
    answer.on("error", () => {
      clearInterval(watch);
      resolve(undefined);
    });
  });
}

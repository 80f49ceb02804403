/**
 * Named pipes, for the two places protogov talks to a process it did not
 * start through the file system: buf's check plugin script (served mode) and
 * the pre-commit hook's server. Linux semantics are relied on: opening a FIFO
 * read-write never blocks and never reports end-of-file between writers.
 */
import { spawnSync } from "node:child_process";
import { constants, openSync } from "node:fs";
import { Socket } from "node:net";

/** mkfifo(1) with mode 0600 (Node has no call for it); false where none can be made. */
export function makeFifo(path: string): boolean {
  return spawnSync("mkfifo", ["-m", "600", path], { stdio: "ignore" }).status === 0;
}

/** A FIFO to read from without blocking a thread; what is written to it waits there until read. */
export function fifoReader(path: string): Socket {
  return new Socket({ fd: openSync(path, constants.O_RDWR | constants.O_NONBLOCK), readable: true, writable: false });
}

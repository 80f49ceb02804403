/**
 * What must not outlive a protogov run: temporary files and directories, and
 * the child processes it started (buf, git, npm, protoc, tsc). Every temporary
 * path is registered here when it is made and every child when it is spawned,
 * so that an interrupted run (SIGINT, SIGTERM, SIGHUP) stops its children,
 * says what it had done, removes its temporary files and exits 128+signal.
 * `cli/bin.ts` installs the signal handlers; at a normal exit this module
 * cleans up by itself, in any process; the rest of protogov only registers.
 *
 * Node runs a signal handler between two turns of the event loop, never in the
 * middle of synchronous code, so a rename sequence (output-dir.ts) is never cut
 * in half once a handler is installed.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const temps = new Set<string>();
const children = new Set<ChildProcess>();
const notes = new Set<() => string | undefined>();

/** Registers a temporary path; removed on exit and on signals unless released first. */
export function trackTemp(path: string): string {
  temps.add(path);
  return path;
}

/** Removes a temporary path now and forgets it. */
export function removeTemp(path: string): void {
  rmSync(path, { recursive: true, force: true });
  temps.delete(path);
}

/** Forgets a path that has become a real output (renamed into place). */
export function releaseTemp(path: string): void {
  temps.delete(path);
}

/** A fresh directory in the system temp directory, registered for removal. */
export function tempDir(prefix: string): string {
  return trackTemp(mkdtempSync(join(tmpdir(), prefix)));
}

let childTmp: string | undefined;

/**
 * The environment for a child process: its TMPDIR is a directory of this run.
 * buf writes temporary files of its own (`buf format --diff` runs diff(1) on
 * two of them) and a child stopped by a signal cannot remove them; inside this
 * directory they go when the run's temporaries go.
 */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  childTmp ??= tempDir("protogov-child-");
  return { ...process.env, TMPDIR: childTmp, ...extra };
}

/**
 * Registers a child process. It is spawned `detached` by the caller (its own
 * process group), so stopping it also stops what it started (npm's node,
 * git-remote-http).
 */
export function trackChild<T extends ChildProcess>(child: T): T {
  children.add(child);
  child.once("exit", () => children.delete(child));
  child.once("error", () => children.delete(child));
  return child;
}

/** A line to print when the run is interrupted (a publish saying what is out); returns the unregister function. */
export function onInterrupt(note: () => string | undefined): () => void {
  notes.add(note);
  return () => notes.delete(note);
}

/** Stops every child process group still running. */
export function stopChildren(signal: NodeJS.Signals = "SIGTERM"): void {
  for (const child of children) {
    if (child.pid === undefined) continue;
    try {
      process.kill(-child.pid, signal);
    } catch {
      try {
        child.kill(signal);
      } catch {
        // already gone
      }
    }
  }
  children.clear();
}

/** Removes every registered temporary path (synchronously: it also runs from an `exit` handler). */
export function removeTemps(): void {
  for (const path of temps) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      // best effort: nothing else can be done while exiting
    }
  }
  temps.clear();
  childTmp = undefined;
}

/** The notes of the interrupted work, in registration order. */
export function interruptNotes(): string[] {
  return [...notes].map((n) => n()).filter((n): n is string => n !== undefined && n !== "");
}

const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/** Installs the handlers once: stop children, print the notes, remove temporaries, exit 128+n. */
export function installSignalHandlers(write: (text: string) => void): void {
  let stopping = false;
  for (const signal of Object.keys(SIGNAL_NUMBERS) as NodeJS.Signals[]) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      stopChildren("SIGTERM");
      const lines = interruptNotes();
      try {
        write(`protogov: interrupted (${signal})${lines.length > 0 ? `:\n${lines.map((l) => `  ${l}`).join("\n")}` : ""}\n`);
      } catch {
        // stderr may be gone too
      }
      removeTemps();
      process.exit(128 + (SIGNAL_NUMBERS[signal] ?? 0));
    });
  }
}

// In every process that uses protogov (the CLI, the programmatic API, a plugin, a test), not only where
// the CLI installed its signal handlers: what the run started and made does not outlive it.
process.on("exit", () => {
  stopChildren("SIGTERM");
  removeTemps();
});

/**
 * Writing a file so that it is either the old bytes or the new bytes, never a
 * mix: the content goes to a temporary sibling (same directory, so the rename
 * cannot cross file systems), is flushed to disk (fsync), and renamed over the
 * target; the directory is flushed too, so the rename survives a crash. A full
 * disk or any other failure removes the temporary file and leaves the target
 * untouched. The temporary file is registered (lifecycle.ts), so a signal
 * between two writes does not leave it behind either.
 */
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { releaseTemp, removeTemp, trackTemp } from "./lifecycle.js";

let counter = 0;

/** A temporary sibling name for `target` (hidden, recognisable, unique in this process). */
export function tempSibling(target: string): string {
  counter += 1;
  return join(dirname(target), `.${basename(target)}.protogov-tmp-${process.pid}-${counter}`);
}

/** Writes and fsyncs `content` to a new file `path` (which must not exist). */
export function writeDurable(path: string, content: string | Uint8Array, mode = 0o644): void {
  const fd = openSync(path, "wx", mode);
  try {
    fchmodSync(fd, mode); // the umask may have taken bits away
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a directory's entries (a rename in it) to disk; some file systems refuse, which is harmless. */
export function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // not supported here (some network and Windows file systems)
  }
}

/** A temporary sibling holding `content`, ready to be renamed over `target` (keeps the target's mode). */
export function stageFile(target: string, content: string | Uint8Array, mode?: number): string {
  const tmp = trackTemp(tempSibling(target));
  let keep = mode;
  if (keep === undefined) {
    try {
      keep = statSync(target).mode & 0o7777;
    } catch {
      keep = 0o644;
    }
  }
  try {
    writeDurable(tmp, content, keep);
  } catch (e) {
    removeTemp(tmp);
    throw e;
  }
  return tmp;
}

/** Renames staged files into place (synchronously, so no signal handler runs in between). */
export function commitStaged(staged: ReadonlyArray<readonly [tmp: string, target: string]>): void {
  const dirs = new Set<string>();
  for (const [tmp, target] of staged) {
    renameSync(tmp, target);
    releaseTemp(tmp);
    dirs.add(dirname(target));
  }
  for (const dir of dirs) fsyncDir(dir);
}

/** Replaces `target` atomically with `content`. */
export function writeFileAtomic(target: string, content: string | Uint8Array, mode?: number): void {
  const tmp = stageFile(target, content, mode);
  try {
    commitStaged([[tmp, target]]);
  } catch (e) {
    removeTemp(tmp);
    throw e;
  }
}

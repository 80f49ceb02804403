/**
 * A small content-addressed store on disk for results that are expensive to
 * recompute (lint findings of unchanged files). Every entry carries its
 * payload's length and SHA-256 in a header and is verified on read: a
 * truncated or damaged entry (a full disk, a killed process, a hand edit) is
 * ignored with one warning and recomputed, never trusted. Writes go to a
 * temporary file in the same directory and are renamed into place, so two
 * processes sharing one store both succeed and a reader never sees half an
 * entry. The store is bounded: after a write that takes it over its limit,
 * the least recently used entries are removed.
 *
 * Some entries must stay plain files that another tool reads in place (a base
 * image handed to buf): those keep their length and hash in a `.sum` sidecar
 * instead of a header (writeVerifiedFile / isVerifiedFile), checked the same way.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { writeFileAtomic } from "../../model/fs/atomic-write.js";

const MAGIC = "protogov-cache-1";

export interface StoreOptions {
  /** Upper bound of the store's size in bytes. */
  maxBytes: number;
  /** Where problems are reported (a corrupt entry is a warning, not a failure). */
  warn: (message: string) => void;
}

export class ContentStore {
  private warned = false;

  constructor(
    readonly dir: string,
    private readonly opts: StoreOptions,
  ) {}

  /** The verified payload under `key`, or undefined (missing, unreadable or corrupt). */
  read(key: string): Buffer | undefined {
    const path = this.pathOf(key);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      return undefined;
    }
    const payload = verified(bytes);
    if (!payload) {
      if (!this.warned) this.opts.warn(`ignoring a corrupt cache entry ${path} (it is recomputed)`);
      this.warned = true;
      rmSync(path, { force: true });
      return undefined;
    }
    // The modification time is the LRU clock for pruning.
    const now = new Date();
    try {
      utimesSync(path, now, now);
    } catch {
      // a read-only store still serves reads
    }
    return payload;
  }

  /** Stores `payload`; a store that cannot be written (read-only, full disk) only costs speed next time. */
  write(key: string, payload: Buffer): void {
    const path = this.pathOf(key);
    const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    try {
      mkdirSync(join(this.dir, key.slice(0, 2)), { recursive: true });
      const header = `${MAGIC}\n${payload.length}\n${sha256(payload)}\n`;
      writeFileSync(tmp, Buffer.concat([Buffer.from(header, "utf8"), payload]));
      renameSync(tmp, path);
      this.prune();
    } catch {
      rmSync(tmp, { force: true });
    }
  }

  private pathOf(key: string): string {
    if (!/^[0-9a-f]{16,}$/.test(key)) throw new Error(`cache keys are hex digests, not "${key}"`);
    return join(this.dir, key.slice(0, 2), key);
  }

  /** Removes the least recently used entries while the store is over its bound. */
  private prune(): void {
    const entries: { path: string; size: number; used: number }[] = [];
    for (const sub of readdirSync(this.dir)) {
      if (!/^[0-9a-f]{2}$/.test(sub)) continue;
      for (const name of readdirSync(join(this.dir, sub))) {
        const path = join(this.dir, sub, name);
        try {
          const st = statSync(path);
          entries.push({ path, size: st.size, used: st.mtimeMs });
        } catch {
          // removed by a concurrent run
        }
      }
    }
    let total = entries.reduce((sum, e) => sum + e.size, 0);
    if (total <= this.opts.maxBytes) return;
    entries.sort((a, b) => a.used - b.used);
    for (const e of entries) {
      if (total <= this.opts.maxBytes * 0.8) break;
      rmSync(e.path, { force: true });
      total -= e.size;
    }
  }
}

export function sha256(data: Buffer | string): string {
  return createHash("sha256").update(data).digest("hex");
}

function verified(bytes: Buffer): Buffer | undefined {
  const lines: number[] = [];
  for (let i = 0; i < bytes.length && lines.length < 3; i++) if (bytes[i] === 0x0a) lines.push(i);
  if (lines.length < 3) return undefined;
  const [a = 0, b = 0, c = 0] = lines;
  if (bytes.subarray(0, a).toString("utf8") !== MAGIC) return undefined;
  const length = Number(bytes.subarray(a + 1, b).toString("utf8"));
  const hash = bytes.subarray(b + 1, c).toString("utf8");
  const payload = bytes.subarray(c + 1);
  if (payload.length !== length || sha256(payload) !== hash) return undefined;
  return payload;
}

function sumLine(bytes: Buffer): string {
  return `${bytes.length} ${sha256(bytes)}\n`;
}

/**
 * Writes a plain-file entry and then its sidecar, which vouches for it: a crash in
 * between leaves an entry without one, which isVerifiedFile rejects. A file that
 * cannot be written (read-only home, full disk) only costs speed next time.
 */
export function writeVerifiedFile(path: string, bytes: Buffer): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, bytes);
    writeFileAtomic(`${path}.sum`, sumLine(bytes));
  } catch {
    // only speed is lost
  }
}

/** True when the entry and its sidecar exist and agree (length, then hash); anything else is a miss. */
export function isVerifiedFile(path: string): boolean {
  try {
    const sum = readFileSync(`${path}.sum`, "utf8");
    const [length] = sum.split(" ");
    if (statSync(path).size !== Number(length)) return false;
    return sumLine(readFileSync(path)) === sum;
  } catch {
    return false;
  }
}

/**
 * Generated test scaffolds are made of blocks, one per RPC plus a setup block
 * (imports, transport, client) and, in a placeholder implementation, a closing
 * block. Each block starts with a marker line that carries a hash of the
 * block's text as generated:
 *
 *   // @protogov-block GetUser sha256:3f0a9c1d2b4e5f60
 *   ...
 *   // @protogov-block-end GetUser
 *
 * `protogov scaffold` recomputes the hash of a block on disk: a difference
 * means the user edited it, and the block is kept. Blocks are the unit of the
 * merge because one file holds the tests of every RPC of a service: an edited
 * GetUser test must survive while a new RPC's block is added next to it.
 * Pure string functions (hashing is computation, not IO), shared by the plugin
 * and core/features/scaffold.
 */
import { createHash } from "node:crypto";

const BEGIN = /^[ \t]*\/\/ @protogov-block ([A-Za-z0-9_.-]+)(?: sha256:([0-9a-f]+))?[ \t]*$/;
const END = /^[ \t]*\/\/ @protogov-block-end ([A-Za-z0-9_.-]+)[ \t]*$/;

export interface Block {
  kind: "block";
  id: string;
  /** The hash on the begin line; undefined when it has none. */
  hash: string | undefined;
  /** Lines between the markers. */
  body: string[];
  /** Every line, markers included, exactly as found. */
  lines: string[];
}

/** Text outside any block (a file header, or lines a user added between blocks). */
export interface Loose {
  kind: "loose";
  lines: string[];
}

export type Segment = Block | Loose;

export function beginMarker(id: string, indent = ""): string {
  return `${indent}// @protogov-block ${id}`;
}

export function endMarker(id: string, indent = ""): string {
  return `${indent}// @protogov-block-end ${id}`;
}

export function hashBody(body: readonly string[]): string {
  return createHash("sha256").update(body.join("\n")).digest("hex").slice(0, 16);
}

/** True when the block's text is what protogov generated (its hash matches). */
export function isPristine(block: Block): boolean {
  return block.hash !== undefined && block.hash === hashBody(block.body);
}

/**
 * Splits a file into blocks and loose text. A begin marker without its end
 * marker (or a nested begin) is not a block: its lines stay loose, so damaged
 * markers make text the user's, never protogov's.
 */
export function parseBlocks(text: string): Segment[] {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const segments: Segment[] = [];
  let loose: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const begin = BEGIN.exec(lines[i] ?? "");
    const endAt = begin ? findEnd(lines, i + 1, begin[1] ?? "") : -1;
    if (!begin || endAt < 0) {
      loose.push(lines[i] ?? "");
      i++;
      continue;
    }
    if (loose.length > 0) segments.push({ kind: "loose", lines: loose });
    loose = [];
    const all = lines.slice(i, endAt + 1);
    segments.push({ kind: "block", id: begin[1] ?? "", hash: begin[2], body: all.slice(1, -1), lines: all });
    i = endAt + 1;
  }
  if (loose.length > 0) segments.push({ kind: "loose", lines: loose });
  return segments;
}

function findEnd(lines: readonly string[], from: number, id: string): number {
  for (let j = from; j < lines.length; j++) {
    const line = lines[j] ?? "";
    if (BEGIN.test(line)) return -1;
    if (END.exec(line)?.[1] === id) return j;
  }
  return -1;
}

export function joinSegments(segments: readonly Segment[]): string {
  return segments.flatMap((s) => s.lines).join("\n");
}

/**
 * Writes the hash of every block onto its begin line. Before that, moves the
 * first block's marker (the setup block) above the import statements:
 * protoplugin prints imports at the top of the file, outside the block that
 * asked for them, and an import belongs to the setup block (a user who adds
 * one has edited the setup).
 */
export function sealBlocks(text: string): string {
  const lines = text.split("\n");
  const setupAt = lines.findIndex((l) => BEGIN.test(l));
  const firstImport = lines.findIndex((l) => l.startsWith("import "));
  if (setupAt >= 0 && firstImport >= 0 && firstImport < setupAt) {
    const [marker] = lines.splice(setupAt, 1);
    lines.splice(firstImport, 0, marker ?? "");
  }
  const segments = parseBlocks(lines.join("\n")).map((s): Segment => {
    if (s.kind === "loose") return s;
    const hash = hashBody(s.body);
    const first = (s.lines[0] ?? "").replace(/ sha256:[0-9a-f]+/, "");
    return { ...s, hash, lines: [`${first} sha256:${hash}`, ...s.lines.slice(1)] };
  });
  return joinSegments(segments);
}

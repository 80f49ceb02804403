/**
 * Comments attached to a source line: the trailing `//` comment on the line
 * and the comment block right above it. Ignore markers and accepted-break
 * markers are read from these, for buf's findings and ours alike (buf reports
 * only positions, so the source text is the common ground).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The lines of the files that hold a marker. Callers look for one marker
 * (`protogov:ignore`, `protogov:allow-breaking`) in files that have findings,
 * which on a large tree are thousands of files where the marker is rare:
 * searching the raw bytes first spares decoding and splitting all of them
 * (googleapis: ~0.5 s).
 */
export class SourceLines {
  private readonly cache = new Map<string, string[] | undefined>();
  private readonly marker: Buffer;
  constructor(
    private readonly root: string,
    marker: string,
  ) {
    this.marker = Buffer.from(marker, "utf8");
  }

  /** The lines of a project-relative file, or undefined when it cannot be read or lacks the marker. */
  of(file: string): string[] | undefined {
    if (!this.cache.has(file)) {
      let lines: string[] | undefined;
      try {
        const bytes = readFileSync(join(this.root, file));
        if (bytes.includes(this.marker)) lines = bytes.toString("utf8").split("\n");
      } catch {
        lines = undefined;
      }
      this.cache.set(file, lines);
    }
    return this.cache.get(file);
  }
}

/** The comment texts attached to 1-based `line`: trailing first, then the block above, nearest first. */
export function commentsAt(lines: readonly string[], line: number): string[] {
  const out: string[] = [];
  const own = lines[line - 1] ?? "";
  const trailing = own.indexOf("//");
  if (trailing >= 0) out.push(own.slice(trailing));
  for (let i = line - 2; i >= 0; i--) {
    const text = (lines[i] ?? "").trim();
    if (!text.startsWith("//") && !text.startsWith("*") && !text.startsWith("/*")) break;
    out.push(text);
  }
  return out;
}

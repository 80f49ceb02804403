/**
 * Comments attached to a source line: the trailing `//` comment on the line
 * and the comment block right above it. Ignore markers and accepted-break
 * markers are read from these, for buf's findings and ours alike (buf reports
 * only positions, so the source text is the common ground).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export class SourceLines {
  private readonly cache = new Map<string, string[] | undefined>();
  constructor(private readonly root: string) {}

  /** The lines of a project-relative file, or undefined when it cannot be read. */
  of(file: string): string[] | undefined {
    if (!this.cache.has(file)) {
      try {
        this.cache.set(file, readFileSync(join(this.root, file), "utf8").split("\n"));
      } catch {
        this.cache.set(file, undefined);
      }
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

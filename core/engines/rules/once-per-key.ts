/**
 * For rules that report once per key (a package without an owner, a domain
 * without a number range) on the key's first declaration. "First" is by file
 * path and position, not by the order files arrive in: an image lists files
 * in dependency order, a buf check plugin's request in no fixed order, and
 * both must give the same finding.
 */
import type { Anchor, EndContext } from "./rule.js";

interface Pending {
  anchor: Anchor;
  message: string;
  hint: string;
}

function before(a: Anchor, b: Anchor): boolean {
  if (a.file !== b.file) return a.file < b.file;
  return a.line !== b.line ? a.line < b.line : a.column < b.column;
}

export class OncePerKey {
  private readonly first = new Map<string, Pending>();

  /** Offers a finding for `key`; the earliest by position is kept. */
  offer(key: string, anchor: Anchor, message: string, hint: string): void {
    const current = this.first.get(key);
    if (!current || before(anchor, current.anchor)) this.first.set(key, { anchor, message, hint });
  }

  /** Reports the kept finding of every key (call from the rule's `end`). */
  report(ctx: EndContext): void {
    for (const { anchor, message, hint } of this.first.values()) ctx.report(anchor, message, hint);
  }
}

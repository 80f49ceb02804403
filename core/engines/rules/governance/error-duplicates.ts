/**
 * Bookkeeping for the cross-file error rules (unique numbers, unique reasons):
 * each file adds the values it declares under a key; at the end every value
 * whose key was declared more than once is reported at its own line, naming
 * the others, so each owning team sees the clash in its own file.
 */
import type { Anchor, EndContext } from "../rule.js";

export interface Declaration {
  anchor: Anchor;
  /** Full proto name of the enum value. */
  protoName: string;
}

export class DuplicateTracker {
  private readonly byKey = new Map<string, Declaration[]>();

  add(key: string, declaration: Declaration): void {
    const list = this.byKey.get(key);
    if (list) list.push(declaration);
    else this.byKey.set(key, [declaration]);
  }

  /** Reports every declaration of a repeated key; `describe` says what is repeated, e.g. `error number 10001`. */
  report(ctx: EndContext, describe: (key: string) => string, hint: string): void {
    for (const [key, list] of this.byKey) {
      if (list.length < 2) continue;
      // By position, not by the order files arrived in (see once-per-key.ts): the message lists the others.
      list.sort((a, b) => (a.anchor.file === b.anchor.file ? a.anchor.line - b.anchor.line : a.anchor.file < b.anchor.file ? -1 : 1));
      for (const declaration of list) {
        const others = list
          .filter((d) => d !== declaration)
          .map((d) => `${d.protoName} (${d.anchor.file}:${d.anchor.line})`)
          .join(", ");
        ctx.report(declaration.anchor, `${describe(key)} of ${declaration.protoName} is also used by ${others}`, hint);
      }
    }
  }
}

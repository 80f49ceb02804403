/**
 * Where api-linter finds a source location, quirks included, so findings land
 * on the same (file, line, column):
 * - it keys locations by their path turned into text with Go's `string(int32)`,
 *   which makes every number outside Unicode (extension numbers above 0x10FFFF,
 *   such as google.api.http's 72295728 and google.api.routing's 72295729) the
 *   same character, and the last location with a key wins: a method's
 *   `google.api.http` finding points at whichever of those options comes last;
 * - its compiler places an option statement at the `option` keyword, buf at the
 *   option's name.
 */
import type { SourceCodeInfo_Location } from "@bufbuild/protobuf/wkt";
import type { Anchor, FileContext } from "../rule.js";

const notARune = (n: number): boolean => n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff);

const keyOf = (path: readonly number[]): string => path.map((n) => (notARune(n) ? "?" : String(n))).join(",");

export interface LocationFinder {
  /** The anchor api-linter reports for a descriptor path, or undefined when it has no location. */
  anchor(path: readonly number[]): Anchor | undefined;
}

export function apiLinterLocations(ctx: FileContext): LocationFinder {
  let colliding: Map<string, SourceCodeInfo_Location> | undefined;
  let lines: string[] | undefined;
  const collidingIndex = (): Map<string, SourceCodeInfo_Location> => {
    if (!colliding) {
      colliding = new Map();
      for (const loc of ctx.locations()) {
        if (!loc.path.some(notARune)) continue;
        const key = keyOf(loc.path);
        const prev = colliding.get(key);
        if (!prev || after(loc, prev)) colliding.set(key, loc);
      }
    }
    return colliding;
  };
  const optionKeyword = (at: Anchor): Anchor => {
    lines ??= ctx.source().split("\n");
    const before = (lines[at.line - 1] ?? "").slice(0, at.column - 1);
    const m = /\boption\s+$/.exec(before);
    return m ? { ...at, column: m.index + 1 } : at;
  };
  return {
    anchor(path) {
      let loc = ctx.location(path);
      if (path.some(notARune)) loc = collidingIndex().get(keyOf(path)) ?? loc;
      if (!loc || loc.span.length < 2) return undefined;
      return optionKeyword({ file: ctx.file, line: (loc.span[0] ?? 0) + 1, column: (loc.span[1] ?? 0) + 1 });
    },
  };
}

function after(a: SourceCodeInfo_Location, b: SourceCodeInfo_Location): boolean {
  const [al = 0, ac = 0] = a.span;
  const [bl = 0, bc = 0] = b.span;
  return al > bl || (al === bl && ac > bc);
}

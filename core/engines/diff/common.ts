/**
 * What every element shares: comments, options, and matching the members of
 * two versions of a container. Matching goes by name first (identity in
 * generated code and JSON), then by number for what is left (identity on the
 * wire), so a renamed field is one change rather than a removal plus an
 * addition; messages, enums and services have no number and stay matched by
 * name only.
 */
import type { AnyDesc } from "@bufbuild/protobuf";
import type { DiffContext, Where } from "./context.js";
import { diffOptions } from "./options-diff.js";
import { commentLine, type Subject } from "./phrases.js";
import { SOURCE_PATH } from "./source-index.js";

/** Comments and options of an element present in both trees. */
export function diffCommon(ctx: DiffContext, subject: Subject, o: AnyDesc, n: AnyDesc): void {
  const before = ctx.old.sources.comments(o);
  const after = ctx.new.sources.comments(n);
  for (const which of ["leading", "trailing"] as const) {
    if (sameText(before[which], after[which])) continue;
    ctx.emit("COMMENT_CHANGED", "changed", subject, {
      aspect: `${which} comment`,
      before: before[which],
      after: after[which],
      message: commentLine(subject, before[which], after[which]),
      old: commentAt(o),
      new: commentAt(n),
    });
  }
  diffOptions(ctx, subject, o, n);
}

/**
 * Comments that differ only in white space at line ends or in blank lines
 * (what `protogov format --write` changes) are the same documentation: not an
 * API change, so formatting alone never makes a patch release.
 */
function sameText(a: string, b: string): boolean {
  if (a === b) return true;
  const norm = (t: string) =>
    t
      .split("\n")
      .map((l) => l.trimEnd())
      .filter((l) => l !== "")
      .join("\n");
  return norm(a) === norm(b);
}

/** A file's comments are those of its package statement: point there rather than at line 1. */
function commentAt(desc: AnyDesc): Where {
  return desc.kind === "file" ? { desc, suffix: [SOURCE_PATH.file.package] } : desc;
}

export interface Matched<T> {
  pairs: [T, T][];
  /** Pairs matched by number after their names differed. */
  renamed: [T, T][];
  removed: T[];
  added: T[];
}

export function matchMembers<T extends { name: string }>(
  before: readonly T[],
  after: readonly T[],
  numberOf?: (item: T) => number,
): Matched<T> {
  const afterByName = new Map<string, T>();
  for (const a of after) if (!afterByName.has(a.name)) afterByName.set(a.name, a);
  const pairs: [T, T][] = [];
  const used = new Set<T>();
  let removed: T[] = [];
  for (const b of before) {
    const a = afterByName.get(b.name);
    if (a && !used.has(a)) {
      pairs.push([b, a]);
      used.add(a);
    } else removed.push(b);
  }
  let added = after.filter((a) => !used.has(a));
  const renamed: [T, T][] = [];
  if (numberOf && removed.length > 0 && added.length > 0) {
    const addedByNumber = new Map<number, T>();
    for (const a of added) if (!addedByNumber.has(numberOf(a))) addedByNumber.set(numberOf(a), a);
    const stillRemoved: T[] = [];
    for (const b of removed) {
      const a = addedByNumber.get(numberOf(b));
      if (a && !used.has(a)) {
        renamed.push([b, a]);
        used.add(a);
      } else stillRemoved.push(b);
    }
    removed = stillRemoved;
    added = added.filter((a) => !used.has(a));
  }
  return { pairs, renamed, removed, added };
}

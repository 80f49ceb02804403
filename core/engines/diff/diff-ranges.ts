/**
 * Reserved ranges and names, and extension ranges. Ranges compare by the
 * numbers they cover, not by how they are written: `reserved 5, 6;` becoming
 * `reserved 5 to 6;` is no change, `5` becoming `5 to 9` only widens, and only
 * numbers that stop being covered are a removal.
 */
import type { DescEnum, DescMessage } from "@bufbuild/protobuf";
import type { DiffContext, Where } from "./context.js";
import { addedLine, removedLine, type Subject, subjects, widenedLine } from "./phrases.js";
import { SOURCE_PATH } from "./source-index.js";

/** Where the i-th entry of a list of the element is declared (removals point at the element in the new tree). */
type At = (index: number | undefined) => Where;

function at(desc: DescMessage | DescEnum, listField: number): At {
  return (index) => (index === undefined ? desc : { desc, suffix: [listField, index] });
}

/** Inclusive number range. */
type Range = readonly [number, number];

const MESSAGE_MAX = 536870911;
const ENUM_MAX = 2147483647;

export function diffMessageRanges(ctx: DiffContext, parent: Subject, o: DescMessage, n: DescMessage): void {
  // DescriptorProto ranges have an exclusive end; EnumDescriptorProto's is inclusive.
  const reserved = (m: DescMessage): Range[] => m.proto.reservedRange.map((r) => [r.start, r.end - 1]);
  const extensions = (m: DescMessage): Range[] => m.proto.extensionRange.map((r) => [r.start, r.end - 1]);
  const path = SOURCE_PATH.message;
  diffRanges(ctx, parent, "reserved", reserved(o), reserved(n), MESSAGE_MAX, at(o, path.reservedRange), at(n, path.reservedRange));
  diffRanges(ctx, parent, "extension", extensions(o), extensions(n), MESSAGE_MAX, at(o, path.extensionRange), at(n, path.extensionRange));
  diffNames(ctx, parent, o.proto.reservedName, n.proto.reservedName, at(o, path.reservedName), at(n, path.reservedName));
}

export function diffEnumRanges(ctx: DiffContext, parent: Subject, o: DescEnum, n: DescEnum): void {
  const reserved = (e: DescEnum): Range[] => e.proto.reservedRange.map((r) => [r.start, r.end]);
  const path = SOURCE_PATH.enum;
  diffRanges(ctx, parent, "reserved", reserved(o), reserved(n), ENUM_MAX, at(o, path.reservedRange), at(n, path.reservedRange));
  diffNames(ctx, parent, o.proto.reservedName, n.proto.reservedName, at(o, path.reservedName), at(n, path.reservedName));
}

function diffRanges(
  ctx: DiffContext,
  parent: Subject,
  kind: "reserved" | "extension",
  before: Range[],
  after: Range[],
  max: number,
  oldAt: At,
  newAt: At,
): void {
  const text = (r: Range) => (r[0] === r[1] ? String(r[0]) : `${r[0]} to ${r[1] >= max ? "max" : r[1]}`);
  const element = kind === "reserved" ? "reserved_range" : "extension_range";
  const noun = kind === "reserved" ? "reserved range" : "extension range";
  const key = (r: Range) => `${r[0]}-${r[1]}`;
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  const afterMerged = merge(after);
  const beforeMerged = merge(before);
  const widenedTargets = new Set<string>();
  for (const [i, r] of before.entries()) {
    if (afterKeys.has(key(r))) continue;
    const s = subjects.member(element, noun, parent, text(r), parent.name);
    const container = afterMerged.find((m) => m[0] <= r[0] && r[1] <= m[1]);
    const exact = after.find((a) => a[0] <= r[0] && r[1] <= a[1]);
    if (!container) {
      const rule = kind === "reserved" ? "RESERVED_RANGE_REMOVED" : "EXTENSION_RANGE_REMOVED";
      ctx.emit(rule, "removed", s, { before: text(r), message: removedLine(s), old: oldAt(i), new: newAt(undefined) });
    } else if (exact && kind === "reserved") {
      widenedTargets.add(key(exact));
      ctx.emit("RESERVED_RANGE_WIDENED", "changed", s, {
        aspect: "range",
        before: text(r),
        after: text(exact),
        message: widenedLine(s, text(exact)),
        old: oldAt(i),
        new: newAt(after.indexOf(exact)),
      });
    }
  }
  for (const [i, r] of after.entries()) {
    if (beforeKeys.has(key(r)) || widenedTargets.has(key(r))) continue;
    if (beforeMerged.some((m) => m[0] <= r[0] && r[1] <= m[1])) continue;
    const s = subjects.member(element, noun, parent, text(r), parent.name);
    const rule = kind === "reserved" ? "RESERVED_RANGE_ADDED" : "EXTENSION_RANGE_ADDED";
    ctx.emit(rule, "added", s, { after: text(r), message: addedLine(s), new: newAt(i) });
  }
}

function diffNames(ctx: DiffContext, parent: Subject, before: readonly string[], after: readonly string[], oldAt: At, newAt: At): void {
  const b = new Set(before);
  const a = new Set(after);
  for (const [i, name] of before.entries()) {
    if (a.has(name)) continue;
    const s = subjects.member("reserved_name", "reserved name", parent, name, parent.name);
    ctx.emit("RESERVED_NAME_REMOVED", "removed", s, { before: name, message: removedLine(s), old: oldAt(i), new: newAt(undefined) });
  }
  for (const [i, name] of after.entries()) {
    if (b.has(name)) continue;
    const s = subjects.member("reserved_name", "reserved name", parent, name, parent.name);
    ctx.emit("RESERVED_NAME_ADDED", "added", s, { after: name, message: addedLine(s), new: newAt(i) });
  }
}

/** Sorted, with adjacent and overlapping ranges joined. */
function merge(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1] + 1) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

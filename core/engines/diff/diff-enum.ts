/**
 * An enum present in both trees: values matched by name, then by number (a
 * renamed value is one change), reserved ranges and names. What an error enum
 * means as an error catalog is compared separately (./error-catalog.ts): the
 * enum value and the error it declares are two things a consumer uses.
 */
import type { DescEnum } from "@bufbuild/protobuf";
import { diffCommon, matchMembers } from "./common.js";
import type { DiffContext } from "./context.js";
import { diffEnumRanges } from "./diff-ranges.js";
import { addedLine, changedLine, removedLine, type Subject, subjects } from "./phrases.js";

export function diffEnum(ctx: DiffContext, subject: Subject, o: DescEnum, n: DescEnum): void {
  diffCommon(ctx, subject, o, n);
  const value = (name: string) => subjects.member("enum_value", "value", subject, name, `${subject.name}.${name}`);
  const values = matchMembers(o.values, n.values, (v) => v.number);
  for (const [b, a] of values.pairs) {
    const s = value(a.name);
    if (b.number !== a.number) {
      const [before, after] = [String(b.number), String(a.number)];
      ctx.emit("ENUM_VALUE_NUMBER_CHANGED", "changed", s, {
        aspect: "number",
        before,
        after,
        message: changedLine(s, "number", before, after),
        old: b,
        new: a,
      });
    }
    diffCommon(ctx, s, b, a);
  }
  for (const [b, a] of values.renamed) {
    const old = value(b.name);
    ctx.emit("ENUM_VALUE_NAME_CHANGED", "changed", old, {
      aspect: "name",
      before: b.name,
      after: a.name,
      message: changedLine(old, "name", b.name, a.name),
      old: b,
      new: a,
    });
    diffCommon(ctx, value(a.name), b, a);
  }
  for (const b of values.removed) {
    const s = value(b.name);
    ctx.emit("ENUM_VALUE_REMOVED", "removed", s, { before: String(b.number), message: removedLine(s), old: b, new: n });
  }
  for (const a of values.added) {
    const s = value(a.name);
    ctx.emit("ENUM_VALUE_ADDED", "added", s, { after: String(a.number), message: addedLine(s), new: a });
  }
  diffEnumRanges(ctx, subject, o, n);
}

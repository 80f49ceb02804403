/**
 * A message present in both trees: its fields (matched by name, then by
 * number), oneofs, reserved and extension ranges, and the messages, enums and
 * extensions nested in it. Members of an added or removed message are not
 * listed one by one: "A new message `pkg.M` is added." says it all.
 */
import type { DescMessage } from "@bufbuild/protobuf";
import { isRequiredField } from "./api-shape.js";
import { diffCommon, matchMembers } from "./common.js";
import type { DiffContext } from "./context.js";
import { diffEnum } from "./diff-enum.js";
import { diffField } from "./diff-field.js";
import { diffMessageRanges } from "./diff-ranges.js";
import { addedLine, removedLine, requiredAddedLine, type Subject, subjects } from "./phrases.js";

export function diffMessage(ctx: DiffContext, subject: Subject, o: DescMessage, n: DescMessage): void {
  diffCommon(ctx, subject, o, n);
  const field = (name: string) => subjects.member("field", "field", subject, name);

  const fields = matchMembers(o.fields, n.fields, (f) => f.number);
  for (const [b, a] of fields.pairs) diffField(ctx, field(a.name), b, a);
  for (const [b, a] of fields.renamed) diffField(ctx, field(a.name), b, a, field(b.name));
  for (const b of fields.removed) {
    const s = field(b.name);
    ctx.emit("FIELD_REMOVED", "removed", s, { before: b.name, message: removedLine(s), old: b, new: n });
  }
  for (const a of fields.added) {
    const s = field(a.name);
    if (isRequiredField(ctx.new, a)) {
      ctx.emit("REQUIRED_FIELD_ADDED", "added", s, { after: a.name, message: requiredAddedLine(s), new: a });
    } else ctx.emit("FIELD_ADDED", "added", s, { after: a.name, message: addedLine(s), new: a });
  }

  const oneofs = matchMembers(o.oneofs, n.oneofs);
  for (const [b, a] of oneofs.pairs) diffCommon(ctx, subjects.member("oneof", "oneof", subject, a.name), b, a);
  for (const b of oneofs.removed) {
    const s = subjects.member("oneof", "oneof", subject, b.name);
    ctx.emit("ONEOF_REMOVED", "removed", s, { message: removedLine(s), old: b, new: n });
  }
  for (const a of oneofs.added) {
    const s = subjects.member("oneof", "oneof", subject, a.name);
    ctx.emit("ONEOF_ADDED", "added", s, { message: addedLine(s), new: a });
  }

  diffMessageRanges(ctx, subject, o, n);
  diffNested(ctx, o, n);
}

/** Nested messages (map entries are part of their map field), enums and extensions, by name. */
function diffNested(ctx: DiffContext, o: DescMessage, n: DescMessage): void {
  const notMapEntry = (m: DescMessage) => m.proto.options?.mapEntry !== true;
  const messages = matchMembers(o.nestedMessages.filter(notMapEntry), n.nestedMessages.filter(notMapEntry));
  for (const [b, a] of messages.pairs) diffMessage(ctx, typeSubject("message", a), b, a);
  for (const b of messages.removed) emitRemoved(ctx, "MESSAGE_REMOVED", typeSubject("message", b), b, n);
  for (const a of messages.added) emitAdded(ctx, "MESSAGE_ADDED", typeSubject("message", a), a);

  const enums = matchMembers(o.nestedEnums, n.nestedEnums);
  for (const [b, a] of enums.pairs) diffEnum(ctx, typeSubject("enum", a), b, a);
  for (const b of enums.removed) emitRemoved(ctx, "ENUM_REMOVED", typeSubject("enum", b), b, n);
  for (const a of enums.added) emitAdded(ctx, "ENUM_ADDED", typeSubject("enum", a), a);

  const extensions = matchMembers(o.nestedExtensions, n.nestedExtensions);
  for (const [b, a] of extensions.pairs) diffField(ctx, typeSubject("extension", a), b, a);
  for (const b of extensions.removed) emitRemoved(ctx, "EXTENSION_REMOVED", typeSubject("extension", b), b, n);
  for (const a of extensions.added) emitAdded(ctx, "EXTENSION_ADDED", typeSubject("extension", a), a);
}

type Named = { typeName: string; file: { proto: { package: string } } };

export function typeSubject(element: "message" | "enum" | "service" | "extension", desc: Named): Subject {
  return subjects.type(element, desc.typeName, desc.file.proto.package);
}

type TypeDesc = Parameters<DiffContext["emit"]>[3]["old"];

export function emitRemoved(
  ctx: DiffContext,
  rule: "MESSAGE_REMOVED" | "ENUM_REMOVED" | "SERVICE_REMOVED" | "EXTENSION_REMOVED",
  s: Subject,
  b: TypeDesc,
  container?: TypeDesc,
): void {
  ctx.emit(rule, "removed", s, { message: removedLine(s), old: b, new: container });
}

export function emitAdded(
  ctx: DiffContext,
  rule: "MESSAGE_ADDED" | "ENUM_ADDED" | "SERVICE_ADDED" | "EXTENSION_ADDED",
  s: Subject,
  a: TypeDesc,
): void {
  ctx.emit(rule, "added", s, { message: addedLine(s), new: a });
}

/**
 * One field (or extension) present in both trees: everything about it that a
 * consumer sees. Type and cardinality are rendered the way they are written
 * in .proto files (`map<string, pkg.V>`, `repeated`, `optional`), so the
 * changelog reads like the source.
 */

import type { DescExtension, DescField } from "@bufbuild/protobuf";
import { protoCamelCase } from "@bufbuild/protobuf/reflect";
import { FeatureSet_FieldPresence, FieldDescriptorProto_Type } from "@bufbuild/protobuf/wkt";
import { diffCommon } from "./common.js";
import type { DiffContext } from "./context.js";
import { changedLine, type Subject } from "./phrases.js";

type AnyField = DescField | DescExtension;

/** `renamedFrom`: the subject under the old name, when the field was matched by number. */
export function diffField(ctx: DiffContext, subject: Subject, o: AnyField, n: AnyField, renamedFrom?: Subject): void {
  const at = { old: o, new: n };
  const change = (rule: Parameters<DiffContext["emit"]>[0], aspect: string, before: string, after: string, s = subject) =>
    ctx.emit(rule, "changed", s, { aspect, before, after, message: changedLine(s, aspect, before, after), ...at });

  if (renamedFrom) change("FIELD_NAME_CHANGED", "name", o.name, n.name, renamedFrom);
  if (o.number !== n.number) change("FIELD_NUMBER_CHANGED", "number", String(o.number), String(n.number));
  const typeBefore = fieldType(o);
  const typeAfter = fieldType(n);
  if (typeBefore !== typeAfter) change("FIELD_TYPE_CHANGED", "type", typeBefore, typeAfter);
  const oneofBefore = o.oneof?.name ?? "";
  const oneofAfter = n.oneof?.name ?? "";
  // Entering or leaving a oneof also flips presence; one change says it.
  const oneofChanged = oneofBefore !== oneofAfter;
  const labelBefore = cardinality(o);
  const labelAfter = cardinality(n);
  if (labelBefore !== labelAfter && !(oneofChanged && labelBefore !== "repeated" && labelAfter !== "repeated")) {
    change("FIELD_LABEL_CHANGED", "cardinality", labelBefore, labelAfter);
  }
  if (oneofChanged) change("FIELD_ONEOF_CHANGED", "oneof", oneofBefore, oneofAfter);
  // A rename changes the default JSON name too; only an explicit json_name change is news then.
  if (o.jsonName !== n.jsonName) {
    const defaultJson = o.jsonName === protoCamelCase(o.name) && n.jsonName === protoCamelCase(n.name);
    if (!(renamedFrom && defaultJson)) change("FIELD_JSON_NAME_CHANGED", "JSON name", o.jsonName, n.jsonName);
  }
  const defaultBefore = o.proto.defaultValue ?? "";
  const defaultAfter = n.proto.defaultValue ?? "";
  if (defaultBefore !== defaultAfter) change("FIELD_DEFAULT_CHANGED", "default value", defaultBefore, defaultAfter);
  if (o.kind === "extension" && n.kind === "extension" && o.extendee.typeName !== n.extendee.typeName) {
    change("EXTENSION_EXTENDEE_CHANGED", "extendee", o.extendee.typeName, n.extendee.typeName);
  }
  diffCommon(ctx, subject, o, n);
}

/** The type as written in a .proto file: `string`, `pkg.M`, `map<string, pkg.V>`, `group pkg.G`. */
export function fieldType(f: AnyField): string {
  if (f.fieldKind === "map") {
    const value = f.mapKind === "message" ? f.message.typeName : f.mapKind === "enum" ? f.enum.typeName : typeName(f.scalar);
    return `map<${typeName(f.mapKey)}, ${value}>`;
  }
  const named = f.proto.typeName.replace(/^\./, "");
  switch (f.proto.type) {
    case FieldDescriptorProto_Type.MESSAGE:
    case FieldDescriptorProto_Type.ENUM:
      return named;
    case FieldDescriptorProto_Type.GROUP:
      return `group ${named}`;
    default:
      return typeName(f.proto.type);
  }
}

/** ScalarType shares its numbers with FieldDescriptorProto.Type. */
function typeName(type: number): string {
  return (FieldDescriptorProto_Type[type] ?? String(type)).replace(/^TYPE_/, "").toLowerCase();
}

/** `repeated` (lists and maps), `required`, `optional` (explicit presence) or `implicit`. */
export function cardinality(f: AnyField): string {
  if (f.fieldKind === "list" || f.fieldKind === "map") return "repeated";
  switch (f.presence) {
    case FeatureSet_FieldPresence.LEGACY_REQUIRED:
      return "required";
    case FeatureSet_FieldPresence.IMPLICIT:
      return "implicit";
    default:
      return "optional";
  }
}

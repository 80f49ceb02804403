/**
 * View models of the elements of one file, in declaration order, nested types
 * inside their parent. Source paths (for comments) follow descriptor.proto's
 * field numbers; nested messages are looked up by identity because the
 * descriptor API leaves map entries out of `nestedMessages`.
 */
import { type DescEnum, type DescExtension, type DescField, type DescMessage, type DescService, ScalarType } from "@bufbuild/protobuf";
import type { ElementComments, FileComments } from "./comments.js";
import { summaryOf } from "./comments.js";
import { displayName } from "./links.js";
import type { ElementBase, EnumDoc, FieldDoc, MessageDoc, MethodDoc, ServiceDoc, StreamingKind, TypeRef } from "./model.js";
import type { OptionReader } from "./options-text.js";

/** descriptor.proto field numbers used in source paths. */
export const P = {
  fileMessage: 4,
  fileEnum: 5,
  fileService: 6,
  fileExtension: 7,
  field: 2,
  nested: 3,
  msgEnum: 4,
  msgExtension: 6,
  oneof: 8,
  value: 2,
  method: 2,
};

export interface FileContext {
  pkg: string;
  file: string;
  page: string;
  comments: FileComments;
  /** Type references to link once every documented element is known (see LinkIndex.resolve). */
  refs: { ref: TypeRef; page: string }[];
  options: OptionReader;
  /** Error catalog anchors by enum value full name, for links from enum values. */
  errorLinks: Map<string, string>;
}

const IDEMPOTENCY = ["", "NO_SIDE_EFFECTS", "IDEMPOTENT"];

/**
 * The properties every element shares, in the model's key order. Element
 * objects are written as one literal each (no `...base()` spread): googleapis
 * has ~300,000 fields, and a spread followed by more properties builds each
 * object key by key in dictionary mode, which cost seconds.
 */
function base(
  ctx: FileContext,
  c: ElementComments,
  d: { name: string; fullName: string; deprecated: boolean },
  options: FieldDoc["options"],
): ElementBase {
  return {
    name: d.name,
    fullName: d.fullName,
    localName: displayName(d.fullName, ctx.pkg),
    anchor: d.fullName,
    description: c.text,
    summary: summaryOf(c.text),
    deprecated: d.deprecated,
    file: ctx.file,
    line: c.line,
    options,
  };
}

export function serviceDoc(ctx: FileContext, s: DescService, path: number[]): ServiceDoc | undefined {
  const c = ctx.comments.get(path);
  if (c.excluded) return undefined;
  const methods: MethodDoc[] = [];
  s.methods.forEach((m, i) => {
    const mc = ctx.comments.get([...path, P.method, i]);
    if (mc.excluded) return;
    const options = m.proto.options;
    const b = base(ctx, mc, { name: m.name, fullName: `${s.typeName}.${m.name}`, deprecated: m.deprecated }, ctx.options.custom(options));
    methods.push({
      name: b.name,
      fullName: b.fullName,
      localName: b.localName,
      anchor: b.anchor,
      description: b.description,
      summary: b.summary,
      deprecated: b.deprecated,
      file: b.file,
      line: b.line,
      options: b.options,
      streaming: m.methodKind as StreamingKind,
      request: typeRef(ctx, "message", m.input.typeName),
      response: typeRef(ctx, "message", m.output.typeName),
      idempotency: IDEMPOTENCY[m.idempotency] || null,
      http: ctx.options.httpRoutes(options),
    });
  });
  const b = base(ctx, c, { name: s.name, fullName: s.typeName, deprecated: s.deprecated }, ctx.options.custom(s.proto.options));
  return { ...b, methods };
}

export function messageDoc(ctx: FileContext, m: DescMessage, path: number[]): MessageDoc | undefined {
  const c = ctx.comments.get(path);
  if (c.excluded) return undefined;
  const fields: FieldDoc[] = [];
  m.proto.field.forEach((proto, i) => {
    const f = m.fields[i]?.proto === proto ? m.fields[i] : m.fields.find((x) => x.proto === proto);
    if (f) pushDefined(fields, fieldDoc(ctx, f, [...path, P.field, i]));
  });
  const oneofs = m.oneofs.map((o) => ({
    name: o.name,
    description: ctx.comments.get([...path, P.oneof, m.proto.oneofDecl.indexOf(o.proto)]).text,
    fields: o.fields.map((f) => f.name).filter((n) => fields.some((x) => x.name === n)),
  }));
  const nestedIndex = new Map(m.proto.nestedType.map((n, i) => [n, i]));
  const messages: MessageDoc[] = [];
  for (const n of m.nestedMessages) pushDefined(messages, messageDoc(ctx, n, [...path, P.nested, nestedIndex.get(n.proto) ?? -1]));
  const enums: EnumDoc[] = [];
  for (const [i, e] of m.nestedEnums.entries()) pushDefined(enums, enumDoc(ctx, e, [...path, P.msgEnum, i]));
  const extensions: FieldDoc[] = [];
  for (const [i, x] of m.nestedExtensions.entries()) pushDefined(extensions, fieldDoc(ctx, x, [...path, P.msgExtension, i]));
  const head = base(ctx, c, { name: m.name, fullName: m.typeName, deprecated: m.deprecated }, ctx.options.custom(m.proto.options));
  return { ...head, fields, oneofs, messages, enums, extensions };
}

export function fieldDoc(ctx: FileContext, f: DescField | DescExtension, path: number[]): FieldDoc | undefined {
  const c = ctx.comments.get(path);
  if (c.excluded) return undefined;
  const fullName = f.kind === "extension" ? f.typeName : `${f.parent.typeName}.${f.name}`;
  const options = f.proto.options;
  let type: TypeRef;
  let mapKey: TypeRef | null = null;
  let mapValue: TypeRef | null = null;
  let label = "";
  switch (f.fieldKind) {
    case "scalar":
      type = scalarRef(f.scalar);
      break;
    case "enum":
      type = typeRef(ctx, "enum", f.enum.typeName);
      break;
    case "message":
      type = typeRef(ctx, "message", f.message.typeName);
      break;
    case "list":
      label = "repeated";
      type =
        f.listKind === "scalar"
          ? scalarRef(f.scalar)
          : f.listKind === "enum"
            ? typeRef(ctx, "enum", f.enum.typeName)
            : typeRef(ctx, "message", f.message.typeName);
      break;
    case "map":
      label = "map";
      mapKey = scalarRef(f.mapKey);
      mapValue =
        f.mapKind === "scalar"
          ? scalarRef(f.scalar)
          : f.mapKind === "enum"
            ? typeRef(ctx, "enum", f.enum.typeName)
            : typeRef(ctx, "message", f.message.typeName);
      type = mapValue;
      break;
  }
  if (f.proto.label === 2) label = "required";
  else if (label === "" && (f.proto.proto3Optional || (f.presence === 1 && f.fieldKind !== "message" && !f.oneof))) label = "optional";
  const defaultValue = f.proto.defaultValue === undefined || f.proto.defaultValue === "" ? null : f.proto.defaultValue;
  const b = base(ctx, c, { name: f.name, fullName, deprecated: f.deprecated }, ctx.options.custom(options));
  return {
    name: b.name,
    fullName: b.fullName,
    localName: b.localName,
    anchor: b.anchor,
    description: b.description,
    summary: b.summary,
    deprecated: b.deprecated,
    file: b.file,
    line: b.line,
    options: b.options,
    number: f.number,
    jsonName: f.jsonName,
    label,
    type,
    mapKey,
    mapValue,
    oneof: f.oneof?.name ?? null,
    defaultValue,
    fieldBehavior: ctx.options.fieldBehavior(options),
    extendee: f.kind === "extension" ? typeRef(ctx, "message", f.extendee.typeName) : null,
  };
}

export function enumDoc(ctx: FileContext, e: DescEnum, path: number[]): EnumDoc | undefined {
  const c = ctx.comments.get(path);
  if (c.excluded) return undefined;
  const values: EnumDoc["values"] = [];
  let errorEnum = false;
  e.values.forEach((v, i) => {
    const vc = ctx.comments.get([...path, P.value, i]);
    if (vc.excluded) return;
    const valueFullName = `${e.typeName}.${v.name}`;
    const errorLink = ctx.errorLinks.get(valueFullName) ?? null;
    if (errorLink) errorEnum = true;
    values.push({
      name: v.name,
      number: v.number,
      anchor: valueFullName,
      description: vc.text,
      deprecated: v.deprecated,
      options: ctx.options.custom(v.proto.options),
      errorLink,
    });
  });
  const head = base(ctx, c, { name: e.name, fullName: e.typeName, deprecated: e.deprecated }, ctx.options.custom(e.proto.options));
  return { ...head, values, errorEnum };
}

function typeRef(ctx: FileContext, kind: "message" | "enum", fullName: string): TypeRef {
  const ref: TypeRef = { name: displayName(fullName, ctx.pkg), fullName, kind, link: null };
  ctx.refs.push({ ref, page: ctx.page });
  return ref;
}

function scalarRef(scalar: ScalarType): TypeRef {
  const name = ScalarType[scalar].toLowerCase();
  return { name, fullName: name, kind: "scalar", link: null };
}

function pushDefined<T>(list: T[], item: T | undefined): void {
  if (item !== undefined) list.push(item);
}

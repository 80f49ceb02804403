/**
 * Compares the options of one element in both trees: built-in options by
 * field, custom options by extension number and value. Custom options stay
 * unknown fields of the options message (the registry cannot know their types
 * when it parses descriptor.proto); we compare their bytes first, and only
 * name and decode the ones that differ, through the extension found in the
 * image's registry. An extension the registry does not know still compares by
 * bytes and is shown by number.
 */

import type { UnknownField } from "@bufbuild/protobuf";
import { type AnyDesc, create, type JsonObject, type JsonValue, toJson } from "@bufbuild/protobuf";
import type { Classification } from "./api-diff.js";
import {
  BUILTIN_OPTION_CLASSIFICATIONS,
  builtinOptionNumber,
  builtinOptionValues,
  optionsSchema,
  PACKAGING_OPTIONS,
} from "./builtin-options.js";
import type { ChangeRuleId } from "./classification.js";
import type { DiffContext, Side } from "./context.js";
import { CUSTOM_OPTION_DEFAULTS, DEFAULT_UNKNOWN_OPTION_CLASSIFICATION, ERROR_CATALOG_OPTIONS } from "./custom-option-defaults.js";
import { changedLine, deprecationLine, optionLine, type Subject } from "./phrases.js";

type Options = { $typeName: string; $unknown?: UnknownField[] | undefined };

/** Field number of the options message in each element's descriptor proto (for positions). */
const OPTIONS_FIELD: Record<AnyDesc["kind"], number> = {
  file: 8,
  message: 7,
  field: 8,
  extension: 8,
  oneof: 2,
  enum: 3,
  enum_value: 3,
  service: 3,
  rpc: 4,
};

export function diffOptions(ctx: DiffContext, subject: Subject, oldDesc: AnyDesc, newDesc: AnyDesc): void {
  const oldOpts = oldDesc.proto.options as Options | undefined;
  const newOpts = newDesc.proto.options as Options | undefined;
  if (!oldOpts && !newOpts) return;
  const at = (desc: AnyDesc, no: number) => ({ desc, suffix: [OPTIONS_FIELD[desc.kind], no] });
  diffBuiltin(ctx, subject, oldOpts, newOpts, (no) => ({ old: at(oldDesc, no), new: at(newDesc, no) }));
  diffCustom(ctx, subject, oldOpts, newOpts, (no) => ({ old: at(oldDesc, no), new: at(newDesc, no) }));
}

type Positions = (fieldNo: number) => { old: { desc: AnyDesc; suffix: number[] }; new: { desc: AnyDesc; suffix: number[] } };

function diffBuiltin(ctx: DiffContext, subject: Subject, oldOpts: Options | undefined, newOpts: Options | undefined, at: Positions): void {
  const typeName = (newOpts ?? oldOpts)?.$typeName ?? "";
  const before = builtinOptionValues(oldOpts);
  const after = builtinOptionValues(newOpts);
  for (const key of union(before.keys(), after.keys())) {
    const b = before.get(key);
    const a = after.get(key);
    if (b === a) continue;
    const fullName = `${typeName}.${key}`;
    const configured = ctx.opts.optionClassifications?.[fullName];
    const where = at(builtinOptionNumber(typeName, key) ?? 0);
    if (key === "deprecated") {
      const now = a === "true";
      ctx.emit(now ? "DEPRECATION_ADDED" : "DEPRECATION_REMOVED", "changed", subject, {
        aspect: "deprecated",
        before: String(!now),
        after: String(now),
        ...(configured ? { classification: configured } : {}),
        message: deprecationLine(subject, now),
        ...where,
      });
      continue;
    }
    const classification = configured ?? BUILTIN_OPTION_CLASSIFICATIONS[fullName] ?? unknownDefault(ctx);
    const packaging = typeName === "google.protobuf.FileOptions" && PACKAGING_OPTIONS.has(key);
    emitOption(ctx, subject, key, key, b, a, classification, where, packaging ? "PACKAGING_OPTION" : "OPTION");
  }
}

function diffCustom(ctx: DiffContext, subject: Subject, oldOpts: Options | undefined, newOpts: Options | undefined, at: Positions): void {
  const before = byNumber(oldOpts);
  const after = byNumber(newOpts);
  if (before.size === 0 && after.size === 0) return;
  const typeName = (newOpts ?? oldOpts)?.$typeName ?? "";
  for (const no of union(before.keys(), after.keys())) {
    const b = before.get(no);
    const a = after.get(no);
    if (b && a && sameBytes(b, a)) continue;
    const ext = extensionName(ctx.new, typeName, no) ?? extensionName(ctx.old, typeName, no);
    if (ext && ERROR_CATALOG_OPTIONS.has(ext)) continue;
    const jb = b && render(ctx.old, typeName, b, ext);
    const ja = a && render(ctx.new, typeName, a, ext);
    const textB = jb === undefined ? undefined : JSON.stringify(jb);
    const textA = ja === undefined ? undefined : JSON.stringify(ja);
    // another encoding of the same value (packed or not, field order) is no change
    if (textB === textA) continue;
    if (ext === LRO_OPTION && isObject(jb) && isObject(ja)) {
      emitLroChanges(ctx, subject, jb, ja, at(no));
      continue;
    }
    const name = ext ?? String(no);
    const classification =
      ctx.opts.optionClassifications?.[name] ?? (ext ? CUSTOM_OPTION_DEFAULTS[ext]?.classify(jb, ja) : undefined) ?? unknownDefault(ctx);
    emitOption(ctx, subject, name, `(${name})`, textB, textA, classification, at(no));
  }
}

/** The value of one custom option of an element as protobuf JSON, or undefined when it is not set. */
export function optionJson(side: Side, desc: AnyDesc, extension: string): JsonValue | undefined {
  const opts = desc.proto.options as Options | undefined;
  const ext = side.registry.getExtension(extension);
  if (!opts || !ext) return undefined;
  const fields = (opts.$unknown ?? []).filter((u) => u.no === ext.number);
  return fields.length === 0 ? undefined : render(side, opts.$typeName, fields, extension);
}

function emitOption(
  ctx: DiffContext,
  subject: Subject,
  name: string,
  shown: string,
  before: string | undefined,
  after: string | undefined,
  classification: Classification,
  where: ReturnType<Positions>,
  family: "OPTION" | "PACKAGING_OPTION" = "OPTION",
): void {
  const rule: ChangeRuleId = `${family}_${before === undefined ? "ADDED" : after === undefined ? "REMOVED" : "CHANGED"}`;
  ctx.emit(rule, "changed", subject, {
    aspect: `option:${name}`,
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
    classification,
    message: optionLine(subject, shown, before, after),
    ...(before !== undefined ? { old: where.old } : {}),
    ...(after !== undefined ? { new: where.new } : {}),
  });
}

const LRO_OPTION = "google.longrunning.operation_info";

/**
 * A changed `operation_info` is reported per type it names (detector
 * LRO_RESPONSE_CHANGE / LRO_METADATA_CHANGE): each is its own break of the
 * typed LRO wrapper. Added or removed, it stays an option change.
 */
function emitLroChanges(ctx: DiffContext, subject: Subject, b: JsonObject, a: JsonObject, where: ReturnType<Positions>): void {
  const configured = ctx.opts.optionClassifications?.[LRO_OPTION];
  const aspects = [
    ["responseType", "LRO_RESPONSE_TYPE_CHANGED", "long-running response type"],
    ["metadataType", "LRO_METADATA_TYPE_CHANGED", "long-running metadata type"],
  ] as const;
  for (const [key, rule, aspect] of aspects) {
    const before = String(b[key] ?? "");
    const after = String(a[key] ?? "");
    if (before === after) continue;
    ctx.emit(rule, "changed", subject, {
      aspect,
      before,
      after,
      ...(configured ? { classification: configured } : {}),
      message: changedLine(subject, aspect, before, after),
      ...where,
    });
  }
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function unknownDefault(ctx: DiffContext): Classification {
  return ctx.opts.unknownOptionClassification ?? DEFAULT_UNKNOWN_OPTION_CLASSIFICATION;
}

/** Unknown fields of an options message grouped by number (a repeated option spans several). */
function byNumber(opts: Options | undefined): Map<number, UnknownField[]> {
  const map = new Map<number, UnknownField[]>();
  for (const u of opts?.$unknown ?? []) {
    const list = map.get(u.no);
    if (list) list.push(u);
    else map.set(u.no, [u]);
  }
  return map;
}

function sameBytes(a: UnknownField[], b: UnknownField[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((u, i) => {
    const v = b[i];
    return v !== undefined && u.wireType === v.wireType && Buffer.compare(u.data, v.data) === 0;
  });
}

function extensionName(side: Side, typeName: string, no: number): string | undefined {
  const extendee = side.registry.getMessage(typeName) ?? optionsSchema(typeName);
  return extendee && side.registry.getExtensionFor(extendee, no)?.typeName;
}

/** The option's value as protobuf JSON, or its bytes in hex when the extension is unknown. */
function render(side: Side, typeName: string, fields: UnknownField[], ext: string | undefined): JsonValue {
  const schema = side.registry.getMessage(typeName) ?? optionsSchema(typeName);
  const known = ext !== undefined && schema !== undefined && side.registry.getExtension(ext) !== undefined;
  if (known && schema) {
    try {
      const msg = create(schema) as Options;
      msg.$unknown = fields;
      const json = toJson(schema, msg as never, { registry: side.registry }) as JsonObject;
      const value = json[`[${ext}]`];
      if (value !== undefined) return value;
    } catch {
      // bytes that do not decode as the extension's type: fall back to comparing bytes
    }
  }
  return fields.map((f) => Buffer.from(f.data).toString("hex")).join("");
}

function union<T>(a: Iterable<T>, b: Iterable<T>): T[] {
  return [...new Set([...a, ...b])];
}

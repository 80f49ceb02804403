/**
 * The wire side of a buf check plugin, written by hand: buf talks to check
 * plugins over pluginrpc (args select the procedure, one protobuf message on
 * stdin, one on stdout), and protogov needs six small messages of it, not the
 * generated code of two BSR modules. Field numbers are those of
 * `buf.pluginrpc.v1` and `buf.plugin.check.v1` as buf 1.75 speaks them.
 */
import { BinaryReader, BinaryWriter, WireType } from "@bufbuild/protobuf/wire";

/** The procedures buf asks for in `--spec`, mapped to the args it then calls the plugin with. */
export const PROCEDURES = [
  { path: "/buf.plugin.check.v1.CheckService/Check", args: ["check"] },
  { path: "/buf.plugin.check.v1.CheckService/ListRules", args: ["list-rules"] },
  { path: "/buf.plugin.check.v1.CheckService/ListCategories", args: ["list-categories"] },
] as const;

const TYPE_PREFIX = "type.googleapis.com/buf.plugin.check.v1.";
/** google.rpc.Code INTERNAL, the code pluginrpc errors carry. */
const CODE_INTERNAL = 13;
/** buf.plugin.check.v1.RuleType: LINT 1, BREAKING 2. */
const RULE_TYPE = { lint: 1, breaking: 2 } as const;

export interface PluginRule {
  id: string;
  categoryIds: readonly string[];
  purpose: string;
  /** Whether buf runs the rule when buf.yaml's `use` does not name it (default true). */
  default?: boolean;
  /** Default "lint". */
  type?: keyof typeof RULE_TYPE;
}

export interface PluginCategory {
  id: string;
  purpose: string;
}

/** pluginrpc Spec: `procedures` (1), each `path` (1) and `args` (2). */
export function encodeSpec(): Uint8Array {
  const w = new BinaryWriter();
  for (const p of PROCEDURES) {
    w.tag(1, WireType.LengthDelimited).fork().tag(1, WireType.LengthDelimited).string(p.path);
    for (const a of p.args) w.tag(2, WireType.LengthDelimited).string(a);
    w.join();
  }
  return w.finish();
}

/** ListRulesResponse: `rules` (2), each id (1), category_ids (2), default (3), purpose (4), type (5). */
export function encodeListRules(rules: readonly PluginRule[]): Uint8Array {
  const body = new BinaryWriter();
  for (const r of rules) {
    body.tag(2, WireType.LengthDelimited).fork();
    body.tag(1, WireType.LengthDelimited).string(r.id);
    for (const c of r.categoryIds) body.tag(2, WireType.LengthDelimited).string(c);
    body.tag(3, WireType.Varint).bool(r.default ?? true);
    body.tag(4, WireType.LengthDelimited).string(r.purpose);
    body.tag(5, WireType.Varint).int32(RULE_TYPE[r.type ?? "lint"]);
    body.join();
  }
  return response("ListRulesResponse", body.finish());
}

/** ListCategoriesResponse: `categories` (2), each id (1) and purpose (2). */
export function encodeListCategories(categories: readonly PluginCategory[]): Uint8Array {
  const body = new BinaryWriter();
  for (const c of categories) {
    body.tag(2, WireType.LengthDelimited).fork();
    body.tag(1, WireType.LengthDelimited).string(c.id);
    body.tag(2, WireType.LengthDelimited).string(c.purpose);
    body.join();
  }
  return response("ListCategoriesResponse", body.finish());
}

/** A CheckResponse without annotations: protogov's findings travel in a side file (see install.ts). */
export function encodeEmptyCheckResponse(): Uint8Array {
  return response("CheckResponse", new Uint8Array(0));
}

/** Where an annotation points: a file and, optionally, a SourceCodeInfo path in it. */
export interface PluginLocation {
  fileName: string;
  sourcePath?: readonly number[];
}

export interface PluginAnnotation {
  ruleId: string;
  message: string;
  /** In `file_descriptors`. */
  file?: PluginLocation;
  /** In `against_file_descriptors` (breaking: where a removed element was). */
  against?: PluginLocation;
}

/** CheckResponse: `annotations` (1), each rule_id (1), message (2), file_location (3), against_file_location (4). */
export function encodeCheckResponse(annotations: readonly PluginAnnotation[]): Uint8Array {
  const body = new BinaryWriter();
  for (const a of annotations) {
    body.tag(1, WireType.LengthDelimited).fork();
    body.tag(1, WireType.LengthDelimited).string(a.ruleId);
    body.tag(2, WireType.LengthDelimited).string(a.message);
    if (a.file) writeLocation(body, 3, a.file);
    if (a.against) writeLocation(body, 4, a.against);
    body.join();
  }
  return response("CheckResponse", body.finish());
}

/** buf.plugin.descriptor.v1.FileLocation: file_name (1), source_path (2, packed). */
function writeLocation(w: BinaryWriter, field: number, loc: PluginLocation): void {
  w.tag(field, WireType.LengthDelimited).fork().tag(1, WireType.LengthDelimited).string(loc.fileName);
  if (loc.sourcePath && loc.sourcePath.length > 0) {
    w.tag(2, WireType.LengthDelimited).fork();
    for (const n of loc.sourcePath) w.int32(n);
    w.join();
  }
  w.join();
}

/** pluginrpc Response with `error` (2): buf prints the message and fails the lint. */
export function encodeErrorResponse(message: string): Uint8Array {
  const w = new BinaryWriter();
  w.tag(2, WireType.LengthDelimited).fork().tag(1, WireType.Varint).int32(CODE_INTERNAL);
  w.tag(2, WireType.LengthDelimited).string(message).join();
  return w.finish();
}

/** pluginrpc Response: `body` (1), a google.protobuf.Any (type_url 1, value 2). */
function response(type: string, value: Uint8Array): Uint8Array {
  const w = new BinaryWriter();
  w.tag(1, WireType.LengthDelimited).fork();
  w.tag(1, WireType.LengthDelimited).string(TYPE_PREFIX + type);
  w.tag(2, WireType.LengthDelimited).bytes(value);
  w.join();
  return w.finish();
}

export interface CheckedFile {
  /** The encoded FileDescriptorProto, source info included. */
  proto: Uint8Array;
  isImport: boolean;
}

/** The CheckRequest inside a pluginrpc Request: `body` (1), an Any whose `value` is 2. */
function checkRequestBody(request: Uint8Array): Uint8Array | undefined {
  const any = fieldBytes(request, 1);
  return any ? fieldBytes(any, 2) : undefined;
}

/**
 * The files of a CheckRequest, without copying them: CheckRequest
 * `file_descriptors` (1), or `against_file_descriptors` (2) for the base of a
 * breaking check → FileDescriptor `file_descriptor_proto` (1) and `is_import` (2).
 */
export function* checkRequestFiles(request: Uint8Array, side: "files" | "against" = "files"): Generator<CheckedFile> {
  const checkRequest = checkRequestBody(request);
  if (!checkRequest) return;
  const wanted = side === "files" ? 1 : 2;
  const reader = new BinaryReader(checkRequest);
  while (reader.pos < reader.len) {
    const [no, wireType] = reader.tag();
    if (no !== wanted || wireType !== WireType.LengthDelimited) {
      reader.skip(wireType, no);
      continue;
    }
    const file = new BinaryReader(reader.bytes());
    let proto: Uint8Array | undefined;
    let isImport = false;
    while (file.pos < file.len) {
      const [fno, fwt] = file.tag();
      if (fno === 1 && fwt === WireType.LengthDelimited) proto = file.bytes();
      else if (fno === 2 && fwt === WireType.Varint) isImport = file.bool();
      else file.skip(fwt, fno);
    }
    if (proto) yield { proto, isImport };
  }
}

/** A plugin option's value as buf.yaml gave it (buf.plugin.option.v1.Value). */
export type OptionValue = boolean | number | string | Uint8Array | OptionValue[];

/** CheckRequest `options` (3): each Option key (1) and Value (2). */
export function checkRequestOptions(request: Uint8Array): Map<string, OptionValue> {
  const options = new Map<string, OptionValue>();
  const body = checkRequestBody(request);
  if (!body) return options;
  const reader = new BinaryReader(body);
  while (reader.pos < reader.len) {
    const [no, wireType] = reader.tag();
    if (no !== 3 || wireType !== WireType.LengthDelimited) {
      reader.skip(wireType, no);
      continue;
    }
    const option = new BinaryReader(reader.bytes());
    let key = "";
    let value: OptionValue | undefined;
    while (option.pos < option.len) {
      const [ono, owt] = option.tag();
      if (ono === 1 && owt === WireType.LengthDelimited) key = option.string();
      else if (ono === 2 && owt === WireType.LengthDelimited) value = decodeValue(option.bytes());
      else option.skip(owt, ono);
    }
    if (key && value !== undefined) options.set(key, value);
  }
  return options;
}

/** CheckRequest `rule_ids` (4): the rules buf.yaml selects; empty means every rule. */
export function checkRequestRuleIds(request: Uint8Array): string[] {
  const ids: string[] = [];
  const body = checkRequestBody(request);
  if (!body) return ids;
  const reader = new BinaryReader(body);
  while (reader.pos < reader.len) {
    const [no, wireType] = reader.tag();
    if (no === 4 && wireType === WireType.LengthDelimited) ids.push(reader.string());
    else reader.skip(wireType, no);
  }
  return ids;
}

/** Value: bool (1), int64 (2), double (3), string (4), bytes (5), ListValue (6, `values` 1). */
function decodeValue(bytes: Uint8Array): OptionValue | undefined {
  const reader = new BinaryReader(bytes);
  let value: OptionValue | undefined;
  while (reader.pos < reader.len) {
    const [no, wireType] = reader.tag();
    if (no === 1 && wireType === WireType.Varint) value = reader.bool();
    else if (no === 2 && wireType === WireType.Varint) value = Number(reader.int64());
    else if (no === 3 && wireType === WireType.Bit64) value = reader.double();
    else if (no === 4 && wireType === WireType.LengthDelimited) value = reader.string();
    else if (no === 5 && wireType === WireType.LengthDelimited) value = reader.bytes();
    else if (no === 6 && wireType === WireType.LengthDelimited) {
      const list = new BinaryReader(reader.bytes());
      const values: OptionValue[] = [];
      while (list.pos < list.len) {
        const [lno, lwt] = list.tag();
        if (lno !== 1 || lwt !== WireType.LengthDelimited) {
          list.skip(lwt, lno);
          continue;
        }
        const item = decodeValue(list.bytes());
        if (item !== undefined) values.push(item);
      }
      value = values;
    } else reader.skip(wireType, no);
  }
  return value;
}

/** The last occurrence of a length-delimited field (protobuf's rule for singular fields). */
function fieldBytes(message: Uint8Array, field: number): Uint8Array | undefined {
  const reader = new BinaryReader(message);
  let found: Uint8Array | undefined;
  while (reader.pos < reader.len) {
    const [no, wireType] = reader.tag();
    if (no === field && wireType === WireType.LengthDelimited) found = reader.bytes();
    else reader.skip(wireType, no);
  }
  return found;
}

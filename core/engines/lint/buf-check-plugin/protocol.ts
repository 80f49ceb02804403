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
/** buf.plugin.check.v1.RuleType LINT. */
const RULE_TYPE_LINT = 1;

export interface PluginRule {
  id: string;
  categoryId: string;
  purpose: string;
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
    body.tag(2, WireType.LengthDelimited).string(r.categoryId);
    body.tag(3, WireType.Varint).bool(true);
    body.tag(4, WireType.LengthDelimited).string(r.purpose);
    body.tag(5, WireType.Varint).int32(RULE_TYPE_LINT);
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

/**
 * The files of a CheckRequest, without copying them: pluginrpc Request `body`
 * (1, an Any whose `value` is 2) → CheckRequest `file_descriptors` (1) →
 * FileDescriptor `file_descriptor_proto` (1) and `is_import` (2).
 */
export function* checkRequestFiles(request: Uint8Array): Generator<CheckedFile> {
  const any = fieldBytes(request, 1);
  const checkRequest = any ? fieldBytes(any, 2) : undefined;
  if (!checkRequest) return;
  const reader = new BinaryReader(checkRequest);
  while (reader.pos < reader.len) {
    const [no, wireType] = reader.tag();
    if (no !== 1 || wireType !== WireType.LengthDelimited) {
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

/**
 * The google.api options the AIP rules read (google.api.http, method_signature,
 * field_behavior, resource, resource_reference, resource_definition,
 * google.longrunning.operation_info), decoded from the options' unknown fields.
 * Descriptors are decoded without an extension registry (registries of a whole
 * image cost too much memory, see compile/image-reader.ts), so an extension is
 * kept by protobuf-es as an unknown field: its number and its raw bytes. The
 * wire format is stable, so reading the few fields we need by number is enough.
 */
import { BinaryReader, WireType } from "@bufbuild/protobuf/wire";

/** Extension numbers (google/api/*.proto, google/longrunning/operations.proto). */
export const Ext = {
  http: 72295728,
  methodSignature: 1051,
  operationInfo: 1049,
  fieldBehavior: 1052,
  resourceReference: 1055,
  resource: 1053,
  resourceDefinition: 1053,
  fieldInfo: 291403980,
} as const;

interface UnknownField {
  no: number;
  wireType: WireType;
  data: Uint8Array;
}

interface WithUnknown {
  $unknown?: UnknownField[];
}

/** A decoded field: the payload of a length-delimited field, or a varint's value. */
type Value = Uint8Array | number;

const utf8 = new TextDecoder();

/** The values of field `no` in an options message (each occurrence, packed varints unpacked). */
function extensionValues(options: object | undefined, no: number): Value[] {
  const out: Value[] = [];
  for (const u of (options as WithUnknown | undefined)?.$unknown ?? []) {
    if (u.no !== no) continue;
    out.push(...decodeValue(new BinaryReader(u.data), u.wireType));
  }
  return out;
}

function decodeValue(r: BinaryReader, wireType: WireType): Value[] {
  if (wireType === WireType.Varint) return [r.int32()];
  if (wireType === WireType.LengthDelimited) return [r.bytes()];
  return [];
}

/** The fields of an encoded message, by number, in wire order. */
function fieldsOf(bytes: Uint8Array): Map<number, Value[]> {
  const fields = new Map<number, Value[]>();
  const r = new BinaryReader(bytes);
  while (r.pos < r.len) {
    const [no, wireType] = r.tag();
    let values: Value[];
    if (wireType === WireType.Varint || wireType === WireType.LengthDelimited) values = decodeValue(r, wireType);
    else {
      r.skip(wireType, no);
      values = [];
    }
    fields.set(no, [...(fields.get(no) ?? []), ...values]);
  }
  return fields;
}

/** An extension of message type, its occurrences merged as protobuf merges them (concatenated). */
function extensionMessage(options: object | undefined, no: number): Map<number, Value[]> | undefined {
  const parts = extensionValues(options, no).filter((v): v is Uint8Array => v instanceof Uint8Array);
  if (parts.length === 0) return undefined;
  return fieldsOf(Buffer.concat(parts));
}

function str(fields: Map<number, Value[]>, no: number): string {
  const v = fields.get(no)?.at(-1);
  return v instanceof Uint8Array ? utf8.decode(v) : "";
}

function strs(fields: Map<number, Value[]>, no: number): string[] {
  return (fields.get(no) ?? []).filter((v): v is Uint8Array => v instanceof Uint8Array).map((v) => utf8.decode(v));
}

/** One binding of google.api.http, as api-linter reads it (utils.HTTPRule). */
export interface HttpRule {
  /** GET, PUT, POST, DELETE, PATCH, or a custom kind. */
  method: string;
  uri: string;
  body: string;
  responseBody: string;
}

const HTTP_VERBS: Record<number, string> = { 2: "GET", 3: "PUT", 4: "POST", 5: "DELETE", 6: "PATCH" };

function httpRuleOf(fields: Map<number, Value[]>): HttpRule | undefined {
  let method = "";
  let uri = "";
  // api-linter ranges over the set fields in number order; the last non-empty pattern wins.
  for (const no of [2, 3, 4, 5, 6]) {
    const v = str(fields, no);
    if (v !== "") {
      method = HTTP_VERBS[no] ?? "";
      uri = v;
    }
  }
  const custom = fields.get(8)?.at(-1);
  if (custom instanceof Uint8Array) {
    const c = fieldsOf(custom);
    method = str(c, 1);
    uri = str(c, 2);
  }
  if (uri === "") return undefined;
  return { method, uri, body: str(fields, 7), responseBody: str(fields, 12) };
}

/** The google.api.http bindings of a method: the rule itself, then its additional_bindings. */
export function httpRules(methodOptions: object | undefined): HttpRule[] {
  const rule = extensionMessage(methodOptions, Ext.http);
  if (!rule) return [];
  const out: HttpRule[] = [];
  const primary = httpRuleOf(rule);
  if (primary) out.push(primary);
  for (const b of rule.get(11) ?? []) {
    if (!(b instanceof Uint8Array)) continue;
    const binding = httpRuleOf(fieldsOf(b));
    if (binding) out.push(binding);
  }
  return out;
}

export function hasHttpRule(methodOptions: object | undefined): boolean {
  return extensionValues(methodOptions, Ext.http).length > 0;
}

/** Each google.api.method_signature, split on commas. */
export function methodSignatures(methodOptions: object | undefined): string[][] {
  return extensionValues(methodOptions, Ext.methodSignature)
    .filter((v): v is Uint8Array => v instanceof Uint8Array)
    .map((v) => utf8.decode(v).split(","));
}

export interface OperationInfo {
  responseType: string;
  metadataType: string;
}

export function operationInfo(methodOptions: object | undefined): OperationInfo | undefined {
  const f = extensionMessage(methodOptions, Ext.operationInfo);
  return f ? { responseType: str(f, 1), metadataType: str(f, 2) } : undefined;
}

const FIELD_BEHAVIORS = [
  "FIELD_BEHAVIOR_UNSPECIFIED",
  "OPTIONAL",
  "REQUIRED",
  "OUTPUT_ONLY",
  "INPUT_ONLY",
  "IMMUTABLE",
  "UNORDERED_LIST",
  "NON_EMPTY_DEFAULT",
  "IDENTIFIER",
];

/** The google.api.field_behavior values of a field, by name (packed or not). */
export function fieldBehaviors(fieldOptions: object | undefined): Set<string> {
  const out = new Set<string>();
  for (const v of extensionValues(fieldOptions, Ext.fieldBehavior)) {
    if (typeof v === "number") out.add(FIELD_BEHAVIORS[v] ?? String(v));
    else {
      const r = new BinaryReader(v);
      while (r.pos < r.len) {
        const n = r.int32();
        out.add(FIELD_BEHAVIORS[n] ?? String(n));
      }
    }
  }
  return out;
}

export interface ResourceDescriptor {
  type: string;
  pattern: string[];
  nameField: string;
  plural: string;
  singular: string;
  /** `style` values (DECLARATIVE_FRIENDLY is 1), packed or not. */
  style: number[];
}

function resourceOf(f: Map<number, Value[]>): ResourceDescriptor {
  return { type: str(f, 1), pattern: strs(f, 2), nameField: str(f, 3), plural: str(f, 5), singular: str(f, 6), style: enums(f, 10) };
}

/** A repeated enum field, packed or not. */
function enums(fields: Map<number, Value[]>, no: number): number[] {
  const out: number[] = [];
  for (const v of fields.get(no) ?? []) {
    if (typeof v === "number") out.push(v);
    else for (const r = new BinaryReader(v); r.pos < r.len; ) out.push(r.int32());
  }
  return out;
}

/** google.api.resource on a message. */
export function resource(messageOptions: object | undefined): ResourceDescriptor | undefined {
  const f = extensionMessage(messageOptions, Ext.resource);
  return f ? resourceOf(f) : undefined;
}

/** google.api.resource_definition entries of a file. */
export function resourceDefinitions(fileOptions: object | undefined): ResourceDescriptor[] {
  return extensionValues(fileOptions, Ext.resourceDefinition)
    .filter((v): v is Uint8Array => v instanceof Uint8Array)
    .map((v) => resourceOf(fieldsOf(v)));
}

export interface ResourceReference {
  type: string;
  childType: string;
}

export function resourceReference(fieldOptions: object | undefined): ResourceReference | undefined {
  const f = extensionMessage(fieldOptions, Ext.resourceReference);
  return f ? { type: str(f, 1), childType: str(f, 2) } : undefined;
}

const FIELD_FORMATS = ["FORMAT_UNSPECIFIED", "UUID4", "IPV4", "IPV6", "IPV4_OR_IPV6"];

/** google.api.field_info's format of a field ("FORMAT_UNSPECIFIED" when unset). */
export function fieldFormat(fieldOptions: object | undefined): string {
  const f = extensionMessage(fieldOptions, Ext.fieldInfo);
  const v = f?.get(1)?.at(-1);
  return typeof v === "number" ? (FIELD_FORMATS[v] ?? String(v)) : "FORMAT_UNSPECIFIED";
}

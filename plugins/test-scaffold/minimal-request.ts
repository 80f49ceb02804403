/**
 * The "minimal valid request" of a generated case, as a TypeScript init
 * literal: `{}` for proto3 and most editions messages, where every field may
 * be left unset. Fields that must be present (proto2 `required`, editions
 * `LEGACY_REQUIRED`) get their zero value, recursively, because protobuf-es
 * refuses to serialize a message without them and the call would fail before
 * it reaches the server.
 */
import { type DescField, type DescMessage, ScalarType } from "@bufbuild/protobuf";
import { FeatureSet_FieldPresence } from "@bufbuild/protobuf/wkt";

const LONG_TYPES = new Set<ScalarType>([ScalarType.INT64, ScalarType.UINT64, ScalarType.SINT64, ScalarType.FIXED64, ScalarType.SFIXED64]);

export function minimalRequest(message: DescMessage, depth = 0): string {
  // A required message field that (transitively) requires itself cannot be built; stop with {}.
  if (depth > 8) return "{}";
  const parts: string[] = [];
  for (const field of message.fields) {
    if (field.presence !== FeatureSet_FieldPresence.LEGACY_REQUIRED) continue;
    const value = zeroLiteral(field, depth);
    if (value !== undefined) parts.push(`${field.localName}: ${value}`);
  }
  return parts.length === 0 ? "{}" : `{ ${parts.join(", ")} }`;
}

function zeroLiteral(field: DescField, depth: number): string | undefined {
  switch (field.fieldKind) {
    case "scalar":
      return LONG_TYPES.has(field.scalar) ? (field.longAsString ? '"0"' : "BigInt(0)") : scalarZero(field.scalar);
    case "enum":
      // A closed (proto2) enum may not have a zero value: its first value is always valid.
      return String(field.enum.values[0]?.number ?? 0);
    case "message":
      return minimalRequest(field.message, depth + 1);
    default:
      // list and map fields cannot be required.
      return undefined;
  }
}

function scalarZero(type: ScalarType): string {
  if (type === ScalarType.STRING) return '""';
  if (type === ScalarType.BOOL) return "false";
  if (type === ScalarType.BYTES) return "new Uint8Array(0)";
  return "0";
}

/**
 * The source locations the docs need (comments and the declaration line), by
 * source path ("4.0.2.1"). Two ways in:
 * - `locationsOf` reads a decoded SourceCodeInfo (a CodeGeneratorRequest
 *   under protoc or buf);
 * - `decodeLocations` reads the raw bytes of a SourceCodeInfo, which
 *   `protogov docs` keeps aside per file instead of decoding all of them up
 *   front: decoded, googleapis' source info is ~1.4 million location objects
 *   (~700 MB of heap), most of them for parts of declarations (a field's type,
 *   name, number) the docs never look at. Here each file is decoded when its
 *   page is built, detached comments are skipped, and only the first location
 *   of a path (the declaration) is kept.
 */

import { BinaryReader, WireType } from "@bufbuild/protobuf/wire";
import type { SourceCodeInfo } from "@bufbuild/protobuf/wkt";

export interface SourceLocation {
  leading: string | undefined;
  trailing: string | undefined;
  /** 0-based start line, or undefined when the span is empty. */
  line: number | undefined;
}

export type SourceLocations = ReadonlyMap<string, SourceLocation>;

export function locationsOf(info: SourceCodeInfo | undefined): SourceLocations {
  const byPath = new Map<string, SourceLocation>();
  for (const loc of info?.location ?? []) {
    const key = loc.path.join(".");
    // The first location of a path is the declaration; later ones are its parts.
    if (!byPath.has(key)) byPath.set(key, { leading: loc.leadingComments, trailing: loc.trailingComments, line: loc.span[0] });
  }
  return byPath;
}

/** SourceCodeInfo.location = 1; Location: path = 1, span = 2, leading_comments = 3, trailing_comments = 4. */
export function decodeLocations(bytes: Uint8Array): SourceLocations {
  const byPath = new Map<string, SourceLocation>();
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const [no, wireType] = reader.tag();
    if (no !== 1 || wireType !== WireType.LengthDelimited) {
      reader.skip(wireType, no);
      continue;
    }
    const end = reader.uint32() + reader.pos;
    let key = "";
    let line: number | undefined;
    let leading: string | undefined;
    let trailing: string | undefined;
    while (reader.pos < end) {
      const [field, type] = reader.tag();
      if (field === 1 || field === 2) {
        const values = readInt32s(reader, type);
        if (field === 1) key = key === "" ? values.join(".") : `${key}.${values.join(".")}`;
        else if (line === undefined) line = values[0];
      } else if (field === 3 && type === WireType.LengthDelimited) leading = reader.string();
      else if (field === 4 && type === WireType.LengthDelimited) trailing = reader.string();
      else reader.skip(type, field);
    }
    if (!byPath.has(key)) byPath.set(key, { leading, trailing, line });
  }
  return byPath;
}

/** A repeated int32, packed (the usual encoding) or not. */
function readInt32s(reader: BinaryReader, wireType: WireType): number[] {
  if (wireType !== WireType.LengthDelimited) return [reader.int32()];
  const end = reader.uint32() + reader.pos;
  const values: number[] = [];
  while (reader.pos < end) values.push(reader.int32());
  return values;
}

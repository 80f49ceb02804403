/**
 * A buf image at the byte level, shared by every reader that avoids decoding a
 * whole image (the rules, the diff's scan, docs): an image is a
 * FileDescriptorSet, field 1 repeated, each a FileDescriptorProto whose
 * `source_code_info` (field 9) is most of its size (58 of googleapis' 78 MB).
 */
import { BinaryReader, WireType } from "@bufbuild/protobuf/wire";
import { IMAGE_FILE_EXTENSION_FIELD, readIsImport } from "./image-extension.js";

const FILE_FIELD = 1;
const SOURCE_CODE_INFO_FIELD = 9;

/** The encoded FileDescriptorProtos of an image, in order. */
export function* imageFileBytes(image: Uint8Array): Generator<Uint8Array> {
  const reader = new BinaryReader(image);
  while (reader.pos < reader.len) {
    const [no, wireType] = reader.tag();
    if (no === FILE_FIELD && wireType === WireType.LengthDelimited) yield reader.bytes();
    else reader.skip(wireType, no);
  }
}

/** What a file declares before its contents: read without decoding the file. */
export interface FileHeader {
  name: string;
  pkg: string;
  deps: string[];
  /** buf's is_import mark (see image-extension.ts); false outside an image. */
  isImport: boolean;
  /** The encoded FileDescriptorProto. */
  bytes: Uint8Array;
}

/** A file's name (1), package (2), imports (3) and buf's is_import mark. */
export function scanFileHeader(bytes: Uint8Array): FileHeader {
  const header: FileHeader = { name: "", pkg: "", deps: [], isImport: false, bytes };
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const [no, wireType] = reader.tag();
    if (no === 1 && wireType === WireType.LengthDelimited) header.name = reader.string();
    else if (no === 2 && wireType === WireType.LengthDelimited) header.pkg = reader.string();
    else if (no === 3 && wireType === WireType.LengthDelimited) header.deps.push(reader.string());
    else if (no === IMAGE_FILE_EXTENSION_FIELD && wireType === WireType.LengthDelimited) header.isImport = readIsImport(reader.bytes());
    else reader.skip(wireType, no);
  }
  return header;
}

export interface SplitFile {
  /** The file's bytes without field 9 (the same bytes when it has none). */
  proto: Uint8Array;
  /** The SourceCodeInfo message's bytes, to decode when a position is needed. */
  sourceInfo: Uint8Array | undefined;
  /** buf's is_import mark (see image-extension.ts). */
  isImport: boolean;
}

/** Sets a file's source info aside so the rest decodes without it. */
export function splitSourceInfo(file: Uint8Array): SplitFile {
  const reader = new BinaryReader(file);
  const kept: Uint8Array[] = [];
  let sourceInfo: Uint8Array | undefined;
  let isImport = false;
  let from = 0;
  while (reader.pos < reader.len) {
    const start = reader.pos;
    const [no, wireType] = reader.tag();
    if (no === SOURCE_CODE_INFO_FIELD && wireType === WireType.LengthDelimited) {
      kept.push(file.subarray(from, start));
      sourceInfo = reader.bytes();
      from = reader.pos;
    } else if (no === IMAGE_FILE_EXTENSION_FIELD && wireType === WireType.LengthDelimited) {
      isImport = readIsImport(reader.bytes());
    } else {
      reader.skip(wireType, no);
    }
  }
  if (sourceInfo === undefined) return { proto: file, sourceInfo, isImport };
  kept.push(file.subarray(from));
  return { proto: Buffer.concat(kept), sourceInfo, isImport };
}

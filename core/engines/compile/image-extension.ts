/**
 * buf's ImageFileExtension: buf adds it at field 8042 of each
 * FileDescriptorProto in an image (protobuf-es keeps it as an unknown field).
 * Its field 1 is `is_import`: files the module depends on but does not own
 * (googleapis, well-known types), which lint, rules and the diff leave out.
 * One reader serves the streaming image reader, the diff's image scan and
 * decoded registries.
 */
import type { DescFile } from "@bufbuild/protobuf";
import { BinaryReader, WireType } from "@bufbuild/protobuf/wire";

export const IMAGE_FILE_EXTENSION_FIELD = 8042;
const IS_IMPORT_FIELD = 1;

/** `is_import` from the payload of an ImageFileExtension (the bytes inside its length prefix). */
export function readIsImport(extension: Uint8Array): boolean {
  const reader = new BinaryReader(extension);
  while (reader.pos < reader.len) {
    const [no, wireType] = reader.tag();
    if (no === IS_IMPORT_FIELD && wireType === WireType.Varint) return reader.bool();
    reader.skip(wireType, no);
  }
  return false;
}

/** True when buf marked a decoded file as an import (a dependency, not part of the module). */
export function isImportFile(file: DescFile): boolean {
  for (const u of file.proto.$unknown ?? []) {
    if (u.no !== IMAGE_FILE_EXTENSION_FIELD || u.wireType !== WireType.LengthDelimited) continue;
    // Unknown fields keep their length prefix.
    if (readIsImport(new BinaryReader(u.data).bytes())) return true;
  }
  return false;
}

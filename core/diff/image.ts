/**
 * From buf image bytes to a registry, and which files of an image are the
 * module's own. A buf image is wire-compatible with FileDescriptorSet; buf adds
 * ImageFileExtension at field 8042 of each FileDescriptorProto, which
 * protobuf-es keeps as an unknown field. Its field 1 is `is_import`: files the
 * module depends on but does not own (googleapis, well-known types), which a
 * diff of the module leaves out.
 */
import { createFileRegistry, type DescFile, type FileRegistry, fromBinary } from "@bufbuild/protobuf";
import { BinaryReader, WireType } from "@bufbuild/protobuf/wire";
import { FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";

const IMAGE_FILE_EXTENSION = 8042;
const IS_IMPORT = 1;

/** Decodes a buf image (or any FileDescriptorSet) into a registry. */
export function registryFromImage(bytes: Uint8Array): FileRegistry {
  return createFileRegistry(fromBinary(FileDescriptorSetSchema, bytes));
}

/** True when buf marked the file as an import (a dependency, not part of the module). */
export function isImportFile(file: DescFile): boolean {
  for (const u of file.proto.$unknown ?? []) {
    if (u.no !== IMAGE_FILE_EXTENSION || u.wireType !== WireType.LengthDelimited) continue;
    const outer = new BinaryReader(u.data);
    const ext = new BinaryReader(outer.bytes());
    while (ext.pos < ext.len) {
      const [no, wireType] = ext.tag();
      if (no === IS_IMPORT && wireType === WireType.Varint) return ext.bool();
      ext.skip(wireType, no);
    }
  }
  return false;
}

/** The default file selection: files that are not imports in the tree they come from. */
export function moduleFiles(registry: FileRegistry): Set<string> {
  const names = new Set<string>();
  for (const file of registry.files) if (!isImportFile(file)) names.add(file.proto.name);
  return names;
}

/**
 * From buf image bytes to a registry, and which files of an image are the
 * module's own (a buf image is wire-compatible with FileDescriptorSet; see
 * compile/image-extension.ts for buf's `is_import` mark).
 */
import { createFileRegistry, type FileRegistry, fromBinary } from "@bufbuild/protobuf";
import { FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import { isImportFile } from "../compile/image-extension.js";

/** Decodes a buf image (or any FileDescriptorSet) into a registry. */
export function registryFromImage(bytes: Uint8Array): FileRegistry {
  return createFileRegistry(fromBinary(FileDescriptorSetSchema, bytes));
}

/** The default file selection: files that are not imports in the tree they come from. */
export function moduleFiles(registry: FileRegistry): Set<string> {
  const names = new Set<string>();
  for (const file of registry.files) if (!isImportFile(file)) names.add(file.proto.name);
  return names;
}

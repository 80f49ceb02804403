/**
 * The image as `protogov docs` reads it: a leaner path than building the
 * CodeGeneratorRequest protoc would send (core/features/generate/run-plugins.ts) for the
 * same generator. On googleapis (78 MB image, 58 MB of it source info) the
 * request path decodes every file's source info up front (~700 MB of heap,
 * ~1.4 million location objects) and copies the files into a request. Here
 * each FileDescriptorProto is decoded without its `source_code_info` (field
 * 9), whose bytes are kept aside and decoded, leanly, only when the file's
 * page is built (plugins/docs/source-locations.ts).
 */
import { readFileSync } from "node:fs";
import { createFileRegistry, type DescFile, fromBinary } from "@bufbuild/protobuf";
import { FileDescriptorProtoSchema, FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import { decodeLocations, type SourceLocations } from "../../../plugins/docs/source-locations.js";
import { imageFileBytes, splitSourceInfo } from "../../engines/compile/image-bytes.js";

const EMPTY: SourceLocations = new Map();

export interface DocsImage {
  /** The files to document, in image order. */
  files: DescFile[];
  allFiles: Iterable<DescFile>;
  /** Source locations of a file, decoded on each call (callers ask once per file). */
  locations(file: DescFile): SourceLocations;
}

/** `targets`: import paths of the project's own files (imports are never documented). */
export function readDocsImage(imagePath: string, targets: ReadonlySet<string>): DocsImage {
  const image = readFileSync(imagePath);
  const sourceInfo = new Map<string, Uint8Array>();
  const protos = [];
  for (const file of imageFileBytes(image)) {
    const { proto, sourceInfo: info } = splitSourceInfo(file);
    const decoded = fromBinary(FileDescriptorProtoSchema, proto);
    if (info && targets.has(decoded.name)) sourceInfo.set(decoded.name, info);
    protos.push(decoded);
  }
  const registry = createFileRegistry({ $typeName: FileDescriptorSetSchema.typeName, file: protos });
  const files: DescFile[] = [];
  for (const proto of protos) {
    const file = targets.has(proto.name) ? registry.getFile(proto.name) : undefined;
    if (file) files.push(file);
  }
  return {
    files,
    allFiles: registry.files,
    locations: (file) => {
      const bytes = sourceInfo.get(file.proto.name);
      return bytes ? decodeLocations(bytes) : EMPTY;
    },
  };
}

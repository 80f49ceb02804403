/**
 * The image as `protogov docs` reads it: a leaner path than building the
 * CodeGeneratorRequest protoc would send (core/generate/run-plugin.ts) for the
 * same generator. On googleapis (78 MB image, 58 MB of it source info) the
 * request path decodes every file's source info up front (~700 MB of heap,
 * ~1.4 million location objects) and copies the files into a request. Here
 * each FileDescriptorProto is decoded without its `source_code_info` (field
 * 9), whose bytes are kept aside and decoded, leanly, only when the file's
 * page is built (plugins/docs/source-locations.ts).
 */
import { readFileSync } from "node:fs";
import { createFileRegistry, type DescFile, fromBinary } from "@bufbuild/protobuf";
import { BinaryReader, WireType } from "@bufbuild/protobuf/wire";
import { FileDescriptorProtoSchema, FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import { decodeLocations, type SourceLocations } from "../../plugins/docs/source-locations.js";

const EMPTY: SourceLocations = new Map();
const SOURCE_CODE_INFO = 9;

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
  const reader = new BinaryReader(image);
  while (reader.pos < reader.len) {
    const [no, wireType] = reader.tag();
    if (no !== 1 || wireType !== WireType.LengthDelimited) {
      reader.skip(wireType, no);
      continue;
    }
    const { proto, info } = splitSourceInfo(reader.bytes());
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

/** The file's bytes without field 9, and the SourceCodeInfo message bytes of field 9. */
function splitSourceInfo(file: Uint8Array): { proto: Uint8Array; info: Uint8Array | undefined } {
  const reader = new BinaryReader(file);
  const kept: Uint8Array[] = [];
  let info: Uint8Array | undefined;
  let from = 0;
  while (reader.pos < reader.len) {
    const start = reader.pos;
    const [no, wireType] = reader.tag();
    if (no === SOURCE_CODE_INFO && wireType === WireType.LengthDelimited) {
      kept.push(file.subarray(from, start));
      info = reader.bytes();
      from = reader.pos;
    } else {
      reader.skip(wireType, no);
    }
  }
  if (info === undefined) return { proto: file, info };
  kept.push(file.subarray(from));
  return { proto: Buffer.concat(kept), info };
}

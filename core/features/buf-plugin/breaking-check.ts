/**
 * The breaking side of `buf-plugin-protogov`: protogov's API diff between
 * buf's `against` files and its current files, keeping the error-catalog
 * changes that break clients (a removed error, a changed reason, domain, code,
 * number, parameters or HTTP status). buf's own breaking rules cannot see
 * them: they live in custom option values, which buf breaking ignores.
 */
import { type DescFile, toBinary } from "@bufbuild/protobuf";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import * as wkt from "@bufbuild/protobuf/wkt";
import { scanFileHeader } from "../../engines/compile/image-bytes.js";
import { diffImages } from "../../engines/diff/diff-images.js";
import type { CheckedFile, PluginAnnotation } from "../../engines/lint/buf-check-plugin/protocol.js";
import { BREAKING_ERROR_RULES } from "./catalog.js";
import { SourcePathIndex } from "./source-paths.js";

interface Side {
  image: Uint8Array;
  own: Set<string>;
  bytes: Map<string, Uint8Array>;
}

export function breakingAnnotations(
  current: readonly CheckedFile[],
  against: readonly CheckedFile[],
  ruleIds: readonly string[],
): PluginAnnotation[] {
  const selected = new Set(ruleIds.length > 0 ? ruleIds : BREAKING_ERROR_RULES);
  const wanted = BREAKING_ERROR_RULES.filter((id) => selected.has(id));
  if (wanted.length === 0) return [];
  const now = side(current);
  const old = side(against);
  const changes = diffImages(old.image, now.image, { files: (name) => now.own.has(name) || old.own.has(name) });
  const nowPaths = new SourcePathIndex(now.bytes);
  const oldPaths = new SourcePathIndex(old.bytes);
  const annotations: PluginAnnotation[] = [];
  for (const change of changes) {
    if (!(wanted as readonly string[]).includes(change.rule) || change.classification !== "breaking") continue;
    annotations.push({
      ruleId: change.rule,
      message: change.message,
      ...(change.new
        ? { file: nowPaths.locate(change.new.file, change.new.line, change.new.column) }
        : change.old && now.bytes.has(change.old.file)
          ? { file: { fileName: change.old.file } } // a removed error: its file, which still exists
          : {}),
      ...(change.old ? { against: oldPaths.locate(change.old.file, change.old.line, change.old.column) } : {}),
    });
  }
  return annotations;
}

/**
 * The files of one side as a FileDescriptorSet (what diffImages reads: an
 * image without buf's marks), dependencies first: buf sends the files in no
 * promised order, and a registry is built in set order.
 */
function side(files: readonly CheckedFile[]): Side {
  const own = new Set<string>();
  const bytes = new Map<string, Uint8Array>();
  const deps = new Map<string, string[]>();
  for (const f of files) {
    const header = scanFileHeader(f.proto);
    bytes.set(header.name, f.proto);
    deps.set(header.name, header.deps);
    if (!f.isImport) own.add(header.name);
  }
  const w = new BinaryWriter();
  const written = new Set<string>();
  const write = (name: string): void => {
    if (written.has(name)) return;
    written.add(name);
    for (const d of deps.get(name) ?? []) write(d);
    // buf leaves well-known types out of the `against` files at times; they are the same everywhere.
    const encoded = bytes.get(name) ?? wellKnown(name);
    if (encoded) w.tag(1, WireType.LengthDelimited).bytes(encoded);
  };
  for (const name of bytes.keys()) write(name);
  return { image: w.finish(), own, bytes };
}

function wellKnown(name: string): Uint8Array | undefined {
  const file = WELL_KNOWN.get(name);
  return file ? toBinary(wkt.FileDescriptorProtoSchema, file.proto) : undefined;
}

const WELL_KNOWN = new Map<string, DescFile>(
  Object.entries(wkt)
    .filter(([key, value]) => key.startsWith("file_google_protobuf_") && typeof value === "object" && value !== null && "proto" in value)
    .map(([, value]) => [(value as DescFile).proto.name, value as DescFile]),
);

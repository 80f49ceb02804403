/**
 * The fast path from two buf images to the API diff. Decoding a whole
 * googleapis image into a registry takes seconds and over a gigabyte per
 * side, and re-encoding every file to find the changed ones costs seconds
 * more. An image is a sequence of encoded FileDescriptorProtos, so this reads
 * only each file's top-level fields (name, package, imports, buf's is_import),
 * finds the files whose bytes differ, and decodes just those plus what they
 * import into small registries for diffApis. The result equals diffApis on the
 * full registries: unchanged files cannot hold a change, types cannot move
 * into or out of a file whose bytes are the same, and the package sets of the
 * whole trees are passed along.
 */
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import { type FileHeader, imageFileBytes, scanFileHeader } from "../compile/image-bytes.js";
import type { ApiChange, DiffOptions } from "./api-diff.js";
import { diffApis } from "./diff-apis.js";
import { registryFromImage } from "./image-registry.js";

type ImageEntry = FileHeader;

export interface ImageDiffStats {
  files: number;
  changedFiles: number;
  /** Files decoded per side: the changed ones and their import closure. */
  decoded: { before: number; after: number };
}

export function diffImages(before: Uint8Array, after: Uint8Array, opts: DiffOptions = {}, stats?: ImageDiffStats): ApiChange[] {
  const old = scanImage(before);
  const now = scanImage(after);
  const selected = opts.files ?? ((name: string) => old.get(name)?.isImport === false || now.get(name)?.isImport === false);
  const changed = new Set<string>();
  for (const name of new Set([...old.keys(), ...now.keys()])) {
    if (!selected(name)) continue;
    const a = old.get(name)?.bytes;
    const b = now.get(name)?.bytes;
    if (!a || !b || a.length !== b.length || Buffer.compare(a, b) !== 0) changed.add(name);
  }
  const oldSubset = closure(old, changed);
  const newSubset = closure(now, changed);
  if (stats) {
    stats.files = new Set([...old.keys(), ...now.keys()].filter(selected)).size;
    stats.changedFiles = changed.size;
    stats.decoded = { before: oldSubset.size, after: newSubset.size };
  }
  const packagesOf = (m: Map<string, ImageEntry>) => new Set([...m.values()].map((e) => e.pkg));
  return diffApis(registryFromImage(encodeSet(old, oldSubset)), registryFromImage(encodeSet(now, newSubset)), {
    ...opts,
    files: (name) => changed.has(name),
    packages: { before: packagesOf(old), after: packagesOf(now) },
  });
}

/** Top-level fields of every file in an image, without decoding the files. */
export function scanImage(image: Uint8Array): Map<string, ImageEntry> {
  const files = new Map<string, ImageEntry>();
  for (const bytes of imageFileBytes(image)) {
    const entry = scanFileHeader(bytes);
    files.set(entry.name, entry);
  }
  return files;
}

/** The changed files present in the image plus everything they import, transitively. */
function closure(files: Map<string, ImageEntry>, changed: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  const stack = [...changed].filter((n) => files.has(n));
  for (let name = stack.pop(); name !== undefined; name = stack.pop()) {
    if (out.has(name)) continue;
    out.add(name);
    for (const dep of files.get(name)?.deps ?? []) if (!out.has(dep)) stack.push(dep);
  }
  return out;
}

/** A FileDescriptorSet of the chosen files, in image order (buf sorts imports first, as the registry needs). */
function encodeSet(files: Map<string, ImageEntry>, names: ReadonlySet<string>): Uint8Array {
  const writer = new BinaryWriter();
  for (const entry of files.values()) {
    if (names.has(entry.name)) writer.tag(1, WireType.LengthDelimited).bytes(entry.bytes);
  }
  return writer.finish();
}

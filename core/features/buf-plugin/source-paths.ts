/**
 * buf places an annotation by a SourceCodeInfo path, while protogov's findings
 * and API changes carry a line and column. The element a finding points at is
 * the one whose span starts there; of the locations starting at the same
 * place (a field and its label or type), the shortest path is the element.
 */
import { fromBinary } from "@bufbuild/protobuf";
import { SourceCodeInfoSchema } from "@bufbuild/protobuf/wkt";
import { splitSourceInfo } from "../../engines/compile/image-bytes.js";
import type { PluginLocation } from "../../engines/lint/buf-check-plugin/protocol.js";

export class SourcePathIndex {
  private readonly byPosition = new Map<string, Map<string, number[]>>();

  /** `files`: each file name and its encoded FileDescriptorProto (source info included). */
  constructor(private readonly files: ReadonlyMap<string, Uint8Array>) {}

  /** The location of a 1-based line and column in a file; the file as a whole when nothing starts there. */
  locate(fileName: string, line: number, column: number): PluginLocation {
    const bytes = this.files.get(fileName);
    if (!bytes || line <= 0) return { fileName };
    let index = this.byPosition.get(fileName);
    if (!index) {
      index = new Map();
      const { sourceInfo } = splitSourceInfo(bytes);
      for (const loc of sourceInfo ? fromBinary(SourceCodeInfoSchema, sourceInfo).location : []) {
        if (loc.path.length === 0 || loc.span.length < 2) continue;
        const key = `${loc.span[0]}:${loc.span[1]}`;
        const known = index.get(key);
        if (!known || loc.path.length < known.length) index.set(key, loc.path);
      }
      this.byPosition.set(fileName, index);
    }
    const path = index.get(`${line - 1}:${column - 1}`);
    return path ? { fileName, sourcePath: path } : { fileName };
  }
}

/**
 * Positions and comments of descriptor elements, read from a file's
 * source_code_info. protoplugin's `getComments` finds each element with
 * `indexOf` and a scan of all locations, which is quadratic on googleapis-sized
 * files; here every file's locations are indexed once, on first use, and each
 * element's source path is computed once and memoised.
 */
import type { AnyDesc, DescFile } from "@bufbuild/protobuf";
import type { SourceCodeInfo_Location } from "@bufbuild/protobuf/wkt";
import type { SourcePosition } from "./api-diff.js";

/** Field numbers of the descriptor protos that make up source paths. */
const PATH = {
  file: { package: 2, message: 4, enum: 5, service: 6, extension: 7, options: 8, syntax: 12 },
  message: { field: 2, nested: 3, enum: 4, extensionRange: 5, extension: 6, options: 7, oneof: 8, reservedRange: 9, reservedName: 10 },
  enum: { value: 2, options: 3, reservedRange: 4, reservedName: 5 },
  service: { method: 2, options: 3 },
  /** Where each element kind keeps its options message. */
  options: { field: 8, extension: 8, oneof: 2, enum_value: 3, rpc: 4 } as Record<string, number>,
} as const;

export { PATH as SOURCE_PATH };

export interface ElementComments {
  leading: string;
  trailing: string;
}

/** Locations of one side (old or new tree) of the diff. */
export class SourceIndex {
  private readonly files = new WeakMap<DescFile, Map<string, SourceCodeInfo_Location>>();
  private readonly paths = new WeakMap<object, readonly number[]>();
  private readonly indexes = new WeakMap<readonly object[], Map<object, number>>();

  constructor(private readonly pathOf: (imageFileName: string) => string) {}

  /** The 1-based start of an element (or of a sub-path such as one of its options). */
  position(desc: AnyDesc, suffix: readonly number[] = []): SourcePosition | undefined {
    const file = fileOf(desc);
    const own = this.sourcePath(desc);
    const loc = (suffix.length > 0 ? this.location(file, [...own, ...suffix]) : undefined) ?? this.location(file, own);
    const path = this.pathOf(file.proto.name);
    if (!loc) return desc.kind === "file" ? { file: path, line: 1, column: 1 } : undefined;
    return { file: path, line: (loc.span[0] ?? 0) + 1, column: (loc.span[1] ?? 0) + 1 };
  }

  comments(desc: AnyDesc): ElementComments {
    const file = fileOf(desc);
    const path = desc.kind === "file" ? [PATH.file.package] : this.sourcePath(desc);
    const loc = this.location(file, path);
    return { leading: normalize(loc?.leadingComments), trailing: normalize(loc?.trailingComments) };
  }

  location(file: DescFile, path: readonly number[]): SourceCodeInfo_Location | undefined {
    if (!file.proto.sourceCodeInfo) return undefined;
    let index = this.files.get(file);
    if (!index) {
      index = new Map();
      for (const loc of file.proto.sourceCodeInfo?.location ?? []) {
        const key = loc.path.join(".");
        // protoc emits several locations for some paths; the first is the whole declaration
        if (!index.has(key)) index.set(key, loc);
      }
      this.files.set(file, index);
    }
    return index.get(path.join("."));
  }

  /** The path of the element in its file's source_code_info. */
  sourcePath(desc: AnyDesc): readonly number[] {
    const known = this.paths.get(desc);
    if (known) return known;
    const path = this.computePath(desc);
    this.paths.set(desc, path);
    return path;
  }

  private computePath(desc: AnyDesc): readonly number[] {
    switch (desc.kind) {
      case "file":
        return [];
      case "message":
        return desc.parent
          ? [...this.sourcePath(desc.parent), PATH.message.nested, this.indexIn(desc.parent.proto.nestedType, desc.proto)]
          : [PATH.file.message, this.indexIn(desc.file.proto.messageType, desc.proto)];
      case "enum":
        return desc.parent
          ? [...this.sourcePath(desc.parent), PATH.message.enum, this.indexIn(desc.parent.proto.enumType, desc.proto)]
          : [PATH.file.enum, this.indexIn(desc.file.proto.enumType, desc.proto)];
      case "extension":
        return desc.parent
          ? [...this.sourcePath(desc.parent), PATH.message.extension, this.indexIn(desc.parent.proto.extension, desc.proto)]
          : [PATH.file.extension, this.indexIn(desc.file.proto.extension, desc.proto)];
      case "service":
        return [PATH.file.service, this.indexIn(desc.file.proto.service, desc.proto)];
      case "field":
        return [...this.sourcePath(desc.parent), PATH.message.field, this.indexIn(desc.parent.proto.field, desc.proto)];
      case "oneof":
        return [...this.sourcePath(desc.parent), PATH.message.oneof, this.indexIn(desc.parent.proto.oneofDecl, desc.proto)];
      case "enum_value":
        return [...this.sourcePath(desc.parent), PATH.enum.value, this.indexIn(desc.parent.proto.value, desc.proto)];
      case "rpc":
        return [...this.sourcePath(desc.parent), PATH.service.method, this.indexIn(desc.parent.proto.method, desc.proto)];
    }
  }

  /** Index of an item in a list, from a map built once per list (indexOf per item is quadratic). */
  private indexIn(list: readonly object[], item: object): number {
    let map = this.indexes.get(list);
    if (!map) {
      map = new Map(list.map((x, i) => [x, i]));
      this.indexes.set(list, map);
    }
    return map.get(item) ?? -1;
  }
}

export function fileOf(desc: AnyDesc): DescFile {
  switch (desc.kind) {
    case "file":
      return desc;
    case "field":
    case "oneof":
    case "enum_value":
    case "rpc":
      return desc.parent.file;
    default:
      return desc.file;
  }
}

/** Comments compare by text; only line endings are normalised (CRLF checkouts are not a docs change). */
function normalize(comment: string | undefined): string {
  return (comment ?? "").replace(/\r\n?/g, "\n");
}

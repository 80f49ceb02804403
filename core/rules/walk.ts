/** Traversal of a FileDescriptorProto that yields elements with their source paths and full names. */
import type { DescriptorProto, EnumDescriptorProto, FileDescriptorProto } from "@bufbuild/protobuf/wkt";
import { EnumPath, FilePath, MessagePath } from "./paths.js";

export interface Located<T> {
  node: T;
  path: number[];
  /** Fully qualified name without a leading dot, e.g. `acme.users.v1.User.Status`. */
  fullName: string;
}

export function* messages(file: FileDescriptorProto): Generator<Located<DescriptorProto>> {
  const prefix = file.package ? `${file.package}.` : "";
  function* visit(list: DescriptorProto[], path: number[], scope: string): Generator<Located<DescriptorProto>> {
    for (const [i, m] of list.entries()) {
      const p = [...path, i];
      const fullName = `${scope}${m.name}`;
      yield { node: m, path: p, fullName };
      yield* visit(m.nestedType, [...p, MessagePath.nestedType], `${fullName}.`);
    }
  }
  yield* visit(file.messageType, [FilePath.messageType], prefix);
}

export function* enums(file: FileDescriptorProto): Generator<Located<EnumDescriptorProto>> {
  const prefix = file.package ? `${file.package}.` : "";
  for (const [i, e] of file.enumType.entries()) {
    yield { node: e, path: [FilePath.enumType, i], fullName: `${prefix}${e.name}` };
  }
  for (const m of messages(file)) {
    for (const [i, e] of m.node.enumType.entries()) {
      yield { node: e, path: [...m.path, MessagePath.enumType, i], fullName: `${m.fullName}.${e.name}` };
    }
  }
}

export function enumValuePath(enumPath: readonly number[], index: number): number[] {
  return [...enumPath, EnumPath.value, index];
}

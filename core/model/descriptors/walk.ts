/** Traversal of a FileDescriptorProto that lists elements with their source paths and full names. */
import type { DescriptorProto, EnumDescriptorProto, FileDescriptorProto } from "@bufbuild/protobuf/wkt";
import { EnumPath, FilePath, MessagePath } from "./source-paths.js";

export interface Located<T> {
  node: T;
  path: number[];
  /** Fully qualified name without a leading dot, e.g. `acme.users.v1.User.Status`. */
  fullName: string;
}

/** Every message of a file, nested ones after their parent (plain loops: this runs over every file of a tree). */
export function messages(file: FileDescriptorProto): Located<DescriptorProto>[] {
  const out: Located<DescriptorProto>[] = [];
  const visit = (list: DescriptorProto[], path: number[], scope: string): void => {
    for (let i = 0; i < list.length; i++) {
      const m = list[i] as DescriptorProto;
      const p = path.concat(i);
      const fullName = scope + m.name;
      out.push({ node: m, path: p, fullName });
      if (m.nestedType.length > 0) visit(m.nestedType, p.concat(MessagePath.nestedType), `${fullName}.`);
    }
  };
  visit(file.messageType, [FilePath.messageType], file.package ? `${file.package}.` : "");
  return out;
}

export function enums(file: FileDescriptorProto): Located<EnumDescriptorProto>[] {
  const prefix = file.package ? `${file.package}.` : "";
  const out: Located<EnumDescriptorProto>[] = [];
  file.enumType.forEach((e, i) => {
    out.push({ node: e, path: [FilePath.enumType, i], fullName: prefix + e.name });
  });
  for (const m of messages(file)) {
    m.node.enumType.forEach((e, i) => {
      out.push({ node: e, path: m.path.concat(MessagePath.enumType, i), fullName: `${m.fullName}.${e.name}` });
    });
  }
  return out;
}

export function enumValuePath(enumPath: readonly number[], index: number): number[] {
  return [...enumPath, EnumPath.value, index];
}

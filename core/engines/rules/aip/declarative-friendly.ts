/**
 * api-linter's declarative-friendly lookup (utils.DeclarativeFriendlyResource)
 * and the finders it stands on (utils.FindMessage, utils.FindMethod), for the
 * rules that apply only to resources styled DECLARATIVE_FRIENDLY: from a
 * request, the method named after it; from a method, the resource it deletes,
 * returns (an LRO's response type too), lists, or whose name ends the method's.
 */
import type { DescriptorProto, MethodDescriptorProto, ServiceDescriptorProto } from "@bufbuild/protobuf/wkt";
import { operationInfo, resource } from "../../../model/descriptors/google-api-options.js";
import type { IndexedMessage, TypeIndex } from "../../../model/descriptors/type-index.js";
import { snakeCase, strcaseUpperCamel } from "./strcase.js";

/** What the finders need of a file: FileDescriptorProto has it, and so has a file of the type index. */
export interface FileRef {
  name: string;
  package: string;
  dependency: readonly string[];
  service: readonly ServiceDescriptorProto[];
}

const DECLARATIVE_FRIENDLY = 1;
const LABEL_REPEATED = 3;
/** A cycle of requests and methods would not end in api-linter either; stop somewhere. */
const MAX_DEPTH = 16;

export function indexedFile(types: TypeIndex, importPath: string): FileRef | undefined {
  const f = types.file(importPath);
  return f ? { name: importPath, package: f.pkg, dependency: f.dependency, service: f.services } : undefined;
}

/**
 * utils.FindMessage: a bare name is in the file's package, a qualified one in
 * the package its prefix names; the message must be declared in the file or
 * one of its imports, directly or not.
 */
export function findMessage(types: TypeIndex, file: FileRef, name: string): IndexedMessage | undefined {
  const found = types.findInOption(name, file.package);
  return found && types.dependencies(file).has(found.file) ? found : undefined;
}

/** utils.FindMethod: a method by name among the services of the file and of its same-package imports, recursively. */
export function findMethod(types: TypeIndex, file: FileRef, name: string): { method: MethodDescriptorProto; file: FileRef } | undefined {
  for (const s of file.service) {
    const method = s.method.find((m) => m.name === name);
    if (method) return { method, file };
  }
  for (const dep of file.dependency) {
    const f = indexedFile(types, dep);
    const found = f && f.package === file.package ? findMethod(types, f, name) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** The declarative-friendly resource message a request message belongs to, or undefined. */
export function declarativeFriendlyOfMessage(types: TypeIndex, m: DescriptorProto, file: FileRef, depth = 0): DescriptorProto | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (resource(m.options)?.style.includes(DECLARATIVE_FRIENDLY)) return m;
  if (m.name.endsWith("Request")) {
    const found = findMethod(types, file, m.name.slice(0, -"Request".length));
    if (found) return declarativeFriendlyOfMethod(types, found.method, found.file, depth + 1);
  }
  return undefined;
}

function ofIndexed(types: TypeIndex, m: IndexedMessage, depth: number): DescriptorProto | undefined {
  const file = indexedFile(types, m.file);
  return file ? declarativeFriendlyOfMessage(types, m.proto, file, depth + 1) : undefined;
}

/** The declarative-friendly resource message a method is about, or undefined. */
export function declarativeFriendlyOfMethod(
  types: TypeIndex,
  method: MethodDescriptorProto,
  file: FileRef,
  depth = 0,
): DescriptorProto | undefined {
  let response = types.message(method.outputType);
  if (!response) return undefined;
  // A Delete returning Empty or an Operation: the resource is named after the method (before the LRO step, which may find nothing).
  if (method.name.startsWith("Delete") && (response.proto.name === "Empty" || response.proto.name === "Operation")) {
    const deleted = findMessage(types, file, method.name.slice("Delete".length));
    if (deleted) return ofIndexed(types, deleted, depth);
  }
  if (response.fullName === "google.longrunning.Operation") {
    const info = operationInfo(method.options);
    if (info) {
      response = findMessage(types, file, info.responseType);
      if (!response) return undefined;
    }
  }
  if ((resource(response.proto.options)?.type ?? "") !== "") return ofIndexed(types, response, depth);
  const name = response.proto.name;
  if (name.startsWith("List") && name.endsWith("Response")) {
    for (const f of response.proto.field) {
      const listed = f.label === LABEL_REPEATED && f.typeName ? types.message(f.typeName) : undefined;
      // IsList is false for maps.
      if (listed && listed.proto.options?.mapEntry !== true) return ofIndexed(types, listed, depth);
    }
  }
  // A custom method: the longest tail of its name that names a message (`ArchiveBookShelf`: BookShelf, then Shelf).
  const words = snakeCase(method.name).split("_");
  for (let i = 1; i < words.length; i++) {
    const found = findMessage(types, file, strcaseUpperCamel(words.slice(i).join("_")));
    if (found) return ofIndexed(types, found, depth);
  }
  return undefined;
}

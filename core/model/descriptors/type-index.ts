/**
 * Messages of every file seen so far, by full name, for rules that follow a
 * method to its request and response or a field to its message type (which may
 * live in another file). Rules run over an image one file at a time, and an
 * image lists dependencies first, so a file's types are indexed before it is
 * checked; sources in another order (a buf check plugin's request) index all
 * files up front.
 */
import type { DescriptorProto, FileDescriptorProto, FileOptions, ServiceDescriptorProto } from "@bufbuild/protobuf/wkt";
import { messages } from "./walk.js";

export interface IndexedMessage {
  proto: DescriptorProto;
  /** Fully qualified name without a leading dot. */
  fullName: string;
  /** The package of the file declaring it, and the file's import path. */
  pkg: string;
  file: string;
}

export interface IndexedFile {
  pkg: string;
  options: FileOptions | undefined;
  /** Its imports, in order (api-linter's resource lookups search a file and its direct imports). */
  dependency: readonly string[];
  /** Its top-level messages (nested ones through `nestedType`) and services. */
  messages: readonly DescriptorProto[];
  services: readonly ServiceDescriptorProto[];
}

export class TypeIndex {
  readonly #messages = new Map<string, IndexedMessage>();
  readonly #files = new Map<string, IndexedFile>();

  add(file: FileDescriptorProto): void {
    if (this.#files.has(file.name)) return;
    this.#files.set(file.name, {
      pkg: file.package,
      options: file.options,
      dependency: file.dependency,
      messages: file.messageType,
      services: file.service,
    });
    for (const m of messages(file))
      this.#messages.set(m.fullName, { proto: m.node, fullName: m.fullName, pkg: file.package, file: file.name });
  }

  /** The package and options of a file, by import path. */
  file(importPath: string): IndexedFile | undefined {
    return this.#files.get(importPath);
  }

  /** utils.GetAllDependencies: the file's import path and those of everything it imports, transitively. */
  dependencies(file: { name: string; dependency: readonly string[] }): Set<string> {
    const seen = new Set<string>([file.name]);
    const queue = [...file.dependency];
    for (let dep = queue.pop(); dep !== undefined; dep = queue.pop()) {
      if (seen.has(dep)) continue;
      seen.add(dep);
      queue.push(...(this.#files.get(dep)?.dependency ?? []));
    }
    return seen;
  }

  /** A message by a descriptor's type name (`.acme.v1.Book`) or full name (`acme.v1.Book`). */
  message(typeName: string): IndexedMessage | undefined {
    return this.#messages.get(typeName.startsWith(".") ? typeName.slice(1) : typeName);
  }

  /**
   * A message by a name written in an option (operation_info's response_type),
   * resolved as api-linter does (utils.FindMessage): a bare name is in the
   * file's package; a qualified one must be a top-level message of the package
   * its prefix names.
   */
  findInOption(name: string, filePackage: string): IndexedMessage | undefined {
    let full = name;
    let pkg = filePackage;
    if (!name.includes(".")) full = filePackage ? `${filePackage}.${name}` : name;
    else if (!name.startsWith(`${filePackage}.`)) pkg = name.slice(0, name.lastIndexOf("."));
    const found = this.#messages.get(full);
    return found && found.pkg === pkg ? found : undefined;
  }
}

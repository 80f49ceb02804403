/** What api-linter's utils know of resources: which messages are resources, whether a pattern has a parent. */

import type { DescriptorProto, FileDescriptorProto } from "@bufbuild/protobuf/wkt";
import { type ResourceDescriptor, resource } from "../../../model/descriptors/google-api-options.js";
import type { IndexedMessage, TypeIndex } from "../../../model/descriptors/type-index.js";
import { isOperation, type MethodView } from "./method-rules.js";

/** utils.GetResource. */
export function resourceOf(m: IndexedMessage | undefined): ResourceDescriptor | undefined {
  return m ? resource(m.proto.options) : undefined;
}

/** utils.IsResource: a google.api.resource annotation with a type. */
export function isResource(m: IndexedMessage | undefined): boolean {
  return (resourceOf(m)?.type ?? "") !== "";
}

/** utils.HasParent: some pattern has more than one variable. */
export function hasParent(r: ResourceDescriptor | undefined): boolean {
  return (r?.pattern ?? []).some((p) => (p.match(/\{/g)?.length ?? 0) > 1);
}

/**
 * utils.GetResourceMessageName: for `CreateBook` returning `Book`, "Book"; the
 * output's name when the method name contains it (and it is not an LRO), else
 * the method name without the verb.
 */
export function resourceMessageName(m: MethodView, verb: string): string {
  if (!m.name.startsWith(verb)) return "";
  const rest = m.name.slice(verb.length);
  if (rest.includes(m.output.proto.name) && !isOperation(m.output)) return m.output.proto.name;
  return rest;
}

/** The message type of a request field, if it is a message. */
export function fieldMessage(m: MethodView, typeName: string): IndexedMessage | undefined {
  return typeName ? m.types.message(typeName) : undefined;
}

/**
 * utils.FindResourceMessage: the first top-level message of the file, then of
 * each of its direct imports (not theirs), whose google.api.resource has this type.
 */
export function findResourceMessage(type: string, file: FileDescriptorProto, types: TypeIndex): DescriptorProto | undefined {
  for (const messages of filesAround(file, types)) {
    const found = messages.find((m) => resource(m.options)?.type === type);
    if (found) return found;
  }
  return undefined;
}

/** utils.FindResource: the resource of findResourceMessage. */
export function findResource(type: string, file: FileDescriptorProto, types: TypeIndex): ResourceDescriptor | undefined {
  const m = findResourceMessage(type, file, types);
  return m ? resource(m.options) : undefined;
}

/**
 * utils.FindResourceChildren: resources of other types, among the top-level
 * messages of the file and its direct imports, with a pattern under the
 * parent's first pattern.
 */
export function resourceChildren(parent: ResourceDescriptor, file: FileDescriptorProto, types: TypeIndex): ResourceDescriptor[] {
  const first = parent.pattern[0];
  if (first === undefined) return [];
  const children: ResourceDescriptor[] = [];
  for (const messages of filesAround(file, types)) {
    for (const m of messages) {
      const r = resource(m.options);
      if (r && r.type !== parent.type && r.pattern.some((p) => p.startsWith(first))) children.push(r);
    }
  }
  return children;
}

function* filesAround(file: FileDescriptorProto, types: TypeIndex): Generator<readonly DescriptorProto[]> {
  yield file.messageType;
  for (const dep of file.dependency) yield types.file(dep)?.messages ?? [];
}

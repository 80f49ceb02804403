/** What api-linter's utils know of resources: which messages are resources, whether a pattern has a parent. */
import { type ResourceDescriptor, resource } from "../../../model/descriptors/google-api-options.js";
import type { IndexedMessage } from "../../../model/descriptors/type-index.js";
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

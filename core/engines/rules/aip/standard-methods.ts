/**
 * AIP-131..135 standard methods as api-linter recognises them by name, and
 * the request-message-name check they share: `GetBook` takes `GetBookRequest`.
 */
import type { MethodDescriptorProto } from "@bufbuild/protobuf/wkt";
import type { AipRuleSpec } from "./aip-rule.js";
import { elements } from "./elements.js";
import { plainUri } from "./http-uri.js";
import { hasField, type MethodView } from "./method-rules.js";

export type StandardMethod = "Get" | "List" | "Create" | "Update" | "Delete";

/** What api-linter counts as each standard method (utils.Is<Kind>Method, without its HTTP-based exceptions). */
export function isStandard(kind: StandardMethod, name: string): boolean {
  if (!new RegExp(`^${kind}(?:[A-Z]|$)`).test(name)) return false;
  if (kind === "Get") return name !== "GetIamPolicy";
  if (kind === "Delete") return !/^Delete([A-Za-z0-9]+)Revision$/.test(name);
  return true;
}

/** MethodDescriptorProto.input_type. */
const INPUT_TYPE = 2;

export function simpleName(typeName: string): string {
  return typeName.slice(typeName.lastIndexOf(".") + 1);
}

export function requestMessageNameCheck(kind: StandardMethod): AipRuleSpec["check"] {
  return (file, problem) => {
    for (const e of elements(file)) {
      if (e.kind !== "method") continue;
      const method: MethodDescriptorProto = e.proto;
      if (!isStandard(kind, method.name)) continue;
      const want = `${method.name}Request`;
      if (simpleName(method.inputType) !== want) {
        problem(e, `Request message should be named after the RPC, i.e. "${want}".`, [INPUT_TYPE]);
      }
    }
  };
}

/**
 * api-linter's utils.Is<Kind>Method on a method with its types: by name, and a
 * `List<Resource>Revisions` method taking a `name` (whose first HTTP binding,
 * if any, ends in `:listRevisions`) is AIP-162's, not a List method.
 */
export function isStandardMethod(kind: StandardMethod, m: MethodView): boolean {
  if (!isStandard(kind, m.name)) return false;
  if (kind === "List") return !isLegacyListRevisions(m);
  return true;
}

function isLegacyListRevisions(m: MethodView): boolean {
  if (!/^List[A-Za-z0-9]+Revisions$/.test(m.name) || !hasField(m.input, "name")) return false;
  const first = m.http[0];
  if (!m.hasHttp || !first) return true;
  return /:listRevisions$/.test(plainUri(first));
}

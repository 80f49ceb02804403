/**
 * AIP-131..135 checks on a standard request message's key field (`name` of a
 * Get or Delete request, `parent` of a List or Create request): present,
 * a singular string, and REQUIRED. Requests are recognised by name, as
 * api-linter does (utils.Is<Kind>RequestMessage).
 */
import type { DescriptorProto } from "@bufbuild/protobuf/wkt";
import { fieldBehaviors } from "../../../model/descriptors/google-api-options.js";
import type { GovernanceRule } from "../rule.js";
import { defineMessageRule, FieldType, lintSingularField, type MessageCheck } from "./message-rules.js";
import type { StandardMethod } from "./standard-methods.js";

const REQUEST: Record<StandardMethod, RegExp> = {
  Get: /^Get[A-Z]+[A-Za-z0-9]*Request$/,
  List: /^List[A-Z]+[A-Za-z0-9]*Request$/,
  Create: /^Create[A-Z]+[A-Za-z0-9]*Request$/,
  Update: /^Update[A-Z]+[A-Za-z0-9]*Request$/,
  Delete: /^Delete[A-Z]+[A-Za-z0-9]*Request$/,
};
const LIST_REVISIONS_REQUEST = /^List(?:[A-Z]+[A-Za-z0-9]+)RevisionsRequest$/;

export function isRequestMessage(kind: StandardMethod, m: DescriptorProto): boolean {
  return REQUEST[kind].test(m.name) && !(kind === "List" && LIST_REVISIONS_REQUEST.test(m.name));
}

const RATIONALE = "Standard methods address their resource the same way everywhere, so clients, gateways and tools need no special cases.";

/** `<kind>Request` messages have `field`, unless `excused` says the resource needs none. */
export function requestFieldRequiredRule(
  aip: number,
  kind: StandardMethod,
  field: string,
  excused: (c: MessageCheck) => boolean = () => false,
): GovernanceRule {
  return defineMessageRule({
    aip,
    name: `request-${field}-required`,
    description: `${kind} requests have a \`${field}\` field.`,
    rationale: RATIONALE,
    needsTypes: true,
    only: (m) => isRequestMessage(kind, m),
    lint: (c) => {
      if (!c.field(field) && !excused(c)) c.problem(c.message, `Message "${c.proto.name}" has no \`${field}\` field`, []);
    },
  });
}

/** The `field` of `<kind>Request` messages is a singular string. */
export function requestFieldTypeRule(aip: number, kind: StandardMethod, field: string): GovernanceRule {
  return defineMessageRule({
    aip,
    name: `request-${field}-field`,
    description: `The \`${field}\` field of ${kind} requests is a singular string.`,
    rationale: RATIONALE,
    only: (m) => isRequestMessage(kind, m) && m.field.some((f) => f.name === field),
    lint: (c) => lintSingularField(c, field, FieldType.string, "string", false),
  });
}

/** The `field` of `<kind>Request` messages is `(google.api.field_behavior) = REQUIRED`. */
export function requestFieldBehaviorRule(aip: number, kind: StandardMethod, field: string): GovernanceRule {
  return defineMessageRule({
    aip,
    name: `request-${field}-behavior`,
    description: `The \`${field}\` field of ${kind} requests is \`(google.api.field_behavior) = REQUIRED\`.`,
    rationale: "Client libraries make REQUIRED fields positional arguments and validate them before sending.",
    only: (m) => isRequestMessage(kind, m),
    lint: (c) => {
      const f = c.field(field);
      if (f && !fieldBehaviors(f.proto.options).has("REQUIRED"))
        c.problem(f.element, `The \`${field}\` field should include \`(google.api.field_behavior) = REQUIRED\`.`, []);
    },
  });
}

/**
 * AIP-131..135 checks on a standard request message's key field (`name` of a
 * Get or Delete request, `parent` of a List or Create request): present,
 * a singular string, and REQUIRED. Requests are recognised by name, as
 * api-linter does (utils.Is<Kind>RequestMessage).
 */
import type { DescriptorProto, FieldDescriptorProto } from "@bufbuild/protobuf/wkt";
import { fieldBehaviors, resourceReference } from "../../../model/descriptors/google-api-options.js";
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

/** `<kind>Request` messages hold only the fields AIPs describe for them (`viewSuffix`: any `*_view` too). */
export function requestUnknownFieldsRule(
  aip: number,
  kind: StandardMethod,
  allowed: (c: MessageCheck) => readonly string[],
  viewSuffix: boolean,
  skip: (c: MessageCheck, f: FieldDescriptorProto) => boolean = () => false,
): GovernanceRule {
  return defineMessageRule({
    aip,
    name: "request-unknown-fields",
    description: `${kind} requests hold only the fields the AIPs describe for them.`,
    rationale: "Extra request fields make a standard method behave unlike the standard, which clients and tools assume.",
    needsTypes: true,
    only: (m) => isRequestMessage(kind, m),
    lint: (c) => {
      const ok = new Set(allowed(c));
      for (const [i, f] of c.proto.field.entries()) {
        if (ok.has(f.name) || (viewSuffix && f.name.endsWith("_view")) || skip(c, f)) continue;
        const at = c.fieldAt(i);
        if (at)
          c.problem(
            at.element,
            `Unexpected field: ${kind} RPCs must only contain fields explicitly described in AIPs, not "${f.name}".`,
            [],
          );
      }
    },
  });
}

/** `<kind>Request` messages make only the AIP's fields REQUIRED. */
export function requestRequiredFieldsRule(aip: number, kind: StandardMethod, allowed: readonly string[]): GovernanceRule {
  return defineMessageRule({
    aip,
    name: "request-required-fields",
    description: `${kind} requests make only ${allowed.map((a) => `\`${a}\``).join(" and ")} REQUIRED.`,
    rationale:
      "Every REQUIRED field becomes a mandatory argument in client libraries; standard methods keep the same arguments everywhere.",
    only: (m) => isRequestMessage(kind, m),
    lint: (c) => {
      for (const [i, f] of c.proto.field.entries()) {
        if (allowed.includes(f.name) || !fieldBehaviors(f.options).has("REQUIRED")) continue;
        const at = c.fieldAt(i);
        if (at) c.problem(at.element, `${kind} RPCs must only require fields explicitly described in AIPs, not "${f.name}".`, []);
      }
    },
  });
}

/** The `field` of `<kind>Request` messages carries `google.api.resource_reference` (utils.LintFieldResourceReference). */
export function requestFieldReferenceRule(aip: number, kind: StandardMethod, field: string): GovernanceRule {
  return defineMessageRule({
    aip,
    name: `request-${field}-reference`,
    description: `The \`${field}\` field of ${kind} requests carries \`google.api.resource_reference\`.`,
    rationale: "The reference tells client libraries and tools which resource the string names, for name helpers and validation.",
    only: (m) => isRequestMessage(kind, m),
    lint: (c) => {
      const f = c.field(field);
      if (f && !resourceReference(f.proto.options))
        c.problem(f.element, `The \`${field}\` field should include a \`google.api.resource_reference\` annotation.`, []);
    },
  });
}

/**
 * AIP-158 pagination as api-linter recognises it: which messages are paginated
 * requests and responses, and the rule shape shared by the field checks (a
 * message rule reporting on the message or on one of its fields).
 */
import type { DescriptorProto } from "@bufbuild/protobuf/wkt";
import type { GovernanceRule } from "../rule.js";
import { defineMessageRule, type MessageCheck } from "./message-rules.js";

const PAGINATED_REQUEST = /^(List|Search)[A-Za-z0-9]*Request$/;
const PAGINATED_RESPONSE = /^(List|Search)[A-Za-z0-9]*Response$/;

const has = (m: DescriptorProto, name: string): boolean => m.field.some((f) => f.name === name);

export function isPaginatedRequest(m: DescriptorProto): boolean {
  if (PAGINATED_REQUEST.test(m.name)) return true;
  // Messages that happen to have these fields but are not requests are left alone.
  return m.name.endsWith("Request") && (has(m, "page_size") || has(m, "page_token"));
}

export function isPaginatedResponse(m: DescriptorProto): boolean {
  return PAGINATED_RESPONSE.test(m.name) || has(m, "next_page_token");
}

export function definePaginationRule(spec: {
  name: string;
  description: string;
  needsTypes?: boolean;
  only(m: DescriptorProto): boolean;
  lint(c: MessageCheck): void;
}): GovernanceRule {
  return defineMessageRule({
    ...spec,
    aip: 158,
    rationale: "Paginated methods that all page the same way work with the pagers of every client library.",
  });
}

/**
 * AIP-158 pagination as api-linter recognises it: which messages are paginated
 * requests and responses, and the rule shape shared by the field checks (a
 * message rule reporting on the message or on one of its fields).
 */
import { isFieldSet } from "@bufbuild/protobuf";
import { type DescriptorProto, type FieldDescriptorProto, FieldDescriptorProtoSchema } from "@bufbuild/protobuf/wkt";
import { MessagePath } from "../../../model/descriptors/source-paths.js";
import type { GovernanceRule } from "../rule.js";
import { defineAipRule, type Problem } from "./aip-rule.js";
import { type Element, elements } from "./elements.js";

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

/** FieldDescriptorProto.Type and Label numbers the checks compare with. */
export const FieldType = { int32: 5, string: 9 } as const;
const LABEL_REPEATED = 3;

export interface FieldAt {
  /** The field as an element (its start is where api-linter points "the field"). */
  element: Element;
  proto: FieldDescriptorProto;
}

export interface MessageCheck {
  message: Element;
  proto: DescriptorProto;
  field(name: string): FieldAt | undefined;
  fieldAt(index: number): FieldAt | undefined;
  problem: Problem;
}

export function definePaginationRule(spec: {
  name: string;
  description: string;
  only(m: DescriptorProto): boolean;
  lint(c: MessageCheck): void;
}): GovernanceRule {
  return defineAipRule({
    aip: 158,
    name: spec.name,
    description: spec.description,
    rationale: "Paginated methods that all page the same way work with the pagers of every client library.",
    check(file, problem) {
      for (const e of elements(file)) {
        if (e.kind !== "message" || !spec.only(e.proto)) continue;
        const message = e;
        const fieldAt = (i: number): FieldAt | undefined => {
          const proto = message.proto.field[i];
          if (!proto) return undefined;
          return {
            proto,
            element: { kind: "field", proto, path: [...message.path, MessagePath.field, i], ancestors: [message, ...message.ancestors] },
          };
        };
        spec.lint({
          message,
          proto: e.proto,
          field: (name) => fieldAt(e.proto.field.findIndex((f) => f.name === name)),
          fieldAt,
          problem,
        });
      }
    },
  });
}

/** The field path api-linter's locations.FieldType points at: type_name for messages and enums, else type. */
export function fieldTypePath(f: FieldDescriptorProto): number[] {
  return f.typeName ? [6] : [5];
}

/** utils.LintFieldPresent + LintSingularField (+ LintNotOneof): the field exists, is a singular `type`, and not in a oneof. */
export function lintSingularField(c: MessageCheck, name: string, type: number, typeName: string, notOneof: boolean): void {
  const f = c.field(name);
  if (!f) {
    c.problem(c.message, `Message \`${c.proto.name}\` has no \`${name}\` field.`, []);
    return;
  }
  if (f.proto.type !== type || f.proto.label === LABEL_REPEATED)
    c.problem(f.element, `The \`${name}\` field must be a singular ${typeName}.`, fieldTypePath(f.proto));
  // Descriptor fields are proto2: an unset oneof_index reads as 0, so ask for presence.
  if (notOneof && isFieldSet(f.proto, FieldDescriptorProtoSchema.field.oneofIndex) && !f.proto.proto3Optional)
    c.problem(f.element, `The \`${name}\` field should not be a oneof field.`, []);
}

export function isRepeated(f: FieldDescriptorProto): boolean {
  return f.label === LABEL_REPEATED;
}

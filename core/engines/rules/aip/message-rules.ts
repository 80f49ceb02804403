/**
 * Rules about one message at a time (AIP-123, 158, 203), as api-linter's
 * MessageRule: every message of the file, nested ones too, with a way to reach
 * its fields as elements (so a finding on a field honours the disable comments
 * and `deprecated` of the field and of the messages around it).
 */
import { isFieldSet } from "@bufbuild/protobuf";
import {
  type DescriptorProto,
  type FieldDescriptorProto,
  FieldDescriptorProtoSchema,
  type FileDescriptorProto,
} from "@bufbuild/protobuf/wkt";
import { MessagePath } from "../../../model/descriptors/source-paths.js";
import type { TypeIndex } from "../../../model/descriptors/type-index.js";
import type { GovernanceRule } from "../rule.js";
import { defineAipRule, type Problem } from "./aip-rule.js";
import { type Element, elements } from "./elements.js";

export interface FieldAt {
  /** The field as an element (its start is where api-linter points "the field"). */
  element: Element;
  proto: FieldDescriptorProto;
}

export interface MessageCheck {
  file: FileDescriptorProto;
  /** Messages of every file seen so far (rules with `needsTypes`). */
  types: TypeIndex;
  message: Element;
  proto: DescriptorProto;
  field(name: string): FieldAt | undefined;
  fieldAt(index: number): FieldAt | undefined;
  problem: Problem;
}

export interface MessageRuleSpec {
  aip: number;
  name: string;
  description: string;
  rationale: string;
  needsTypes?: boolean;
  /** `nested`: the message is declared inside another message. */
  only(m: DescriptorProto, nested: boolean): boolean;
  lint(c: MessageCheck): void;
}

export function defineMessageRule(spec: MessageRuleSpec): GovernanceRule {
  return defineAipRule({
    aip: spec.aip,
    name: spec.name,
    description: spec.description,
    rationale: spec.rationale,
    ...(spec.needsTypes ? { needsTypes: true } : {}),
    check(file, problem, ctx) {
      for (const e of elements(file)) {
        if (e.kind !== "message" || !spec.only(e.proto, e.ancestors.length > 0)) continue;
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
          file,
          types: ctx.types,
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

/** FieldDescriptorProto.Type and Label numbers the checks compare with. */
export const FieldType = { int32: 5, string: 9 } as const;
const LABEL_REPEATED = 3;

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

/** AIP-123 and 203 checks on messages annotated with google.api.resource, shared by the rule files. */
import { isFieldSet } from "@bufbuild/protobuf";
import {
  type DescriptorProto,
  type FieldDescriptorProto,
  FieldDescriptorProtoSchema,
  type FileDescriptorProto,
} from "@bufbuild/protobuf/wkt";
import { type ResourceDescriptor, resource } from "../../../model/descriptors/google-api-options.js";
import type { GovernanceRule } from "../rule.js";
import { defineMessageRule, type MessageCheck } from "./message-rules.js";

/** MessageDescriptor.options, google.api.resource: where api-linter points findings about the annotation. */
export const RESOURCE_OPTION: readonly number[] = [7, 1053];

/** utils.GetResourceNameField: `name_field`, or `name`. */
export function nameField(r: ResourceDescriptor | undefined): string {
  return r?.nameField || "name";
}

/** utils.SplitResourceTypeName: `library.googleapis.com/Book` is ("library.googleapis.com", "Book"). */
export function resourceTypeName(type: string): string | undefined {
  const parts = type.split("/");
  return parts.length === 2 && parts[0] !== "" && parts[1] !== "" ? parts[1] : undefined;
}

/** A rule on messages that carry google.api.resource (`typed`: with a non-empty type, i.e. utils.IsResource). */
export function defineResourceRule(spec: {
  aip: number;
  name: string;
  description: string;
  rationale: string;
  typed?: boolean;
  lint(c: MessageCheck, r: ResourceDescriptor): void;
}): GovernanceRule {
  return defineMessageRule({
    aip: spec.aip,
    name: spec.name,
    description: spec.description,
    rationale: spec.rationale,
    only: (m) => {
      const r = resource(m.options);
      return r !== undefined && (spec.typed !== true || r.type !== "");
    },
    lint: (c) => {
      const r = resource(c.proto.options);
      if (r) spec.lint(c, r);
    },
  });
}

const LABEL_OPTIONAL = 1;

/** FieldDescriptor.HasOptionalKeyword: proto3 `optional`, or a proto2 optional field outside a oneof. */
export function hasOptionalKeyword(file: FileDescriptorProto, f: FieldDescriptorProto): boolean {
  if (f.proto3Optional) return true;
  const proto2 = file.syntax === "" || file.syntax === "proto2";
  // Descriptor fields are proto2: an unset oneof_index reads as 0, so ask for presence.
  return proto2 && f.label === LABEL_OPTIONAL && !isFieldSet(f, FieldDescriptorProtoSchema.field.oneofIndex);
}

/** utils.IsResource on a message: google.api.resource with a type. */
export function isResourceMessage(m: DescriptorProto): boolean {
  return (resource(m.options)?.type ?? "") !== "";
}

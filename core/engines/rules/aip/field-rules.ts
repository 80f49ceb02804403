/**
 * Rules about one field at a time (AIP-203, 215), as api-linter's FieldRule:
 * every field of every message of the file, with the message it is in.
 */
import type { DescriptorProto, FieldDescriptorProto, FileDescriptorProto } from "@bufbuild/protobuf/wkt";
import type { TypeIndex } from "../../../model/descriptors/type-index.js";
import type { GovernanceRule } from "../rule.js";
import { defineAipRule } from "./aip-rule.js";
import { elements } from "./elements.js";

export interface FieldView {
  file: FileDescriptorProto;
  proto: FieldDescriptorProto;
  parent: DescriptorProto;
  types: TypeIndex;
}

export function defineFieldRule(spec: {
  aip: number;
  name: string;
  description: string;
  rationale: string;
  needsTypes?: boolean;
  /** Where findings point below the field: [] its start (the default), [1] its name. */
  at?: readonly number[];
  /** A problem message, or undefined. */
  lint(f: FieldView): string | undefined;
}): GovernanceRule {
  return defineAipRule({
    aip: spec.aip,
    name: spec.name,
    description: spec.description,
    rationale: spec.rationale,
    ...(spec.needsTypes ? { needsTypes: true } : {}),
    check(file, problem, ctx) {
      for (const e of elements(file)) {
        const parent = e.ancestors[0];
        if (e.kind !== "field" || parent?.kind !== "message") continue;
        const message = spec.lint({ file, proto: e.proto, parent: parent.proto, types: ctx.types });
        if (message) problem(e, message, spec.at ?? []);
      }
    },
  });
}

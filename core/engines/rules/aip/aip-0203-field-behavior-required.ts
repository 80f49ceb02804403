/**
 * AIP-203: every field a request carries, down through the messages of the
 * request's package, has a google.api.field_behavior of OPTIONAL, REQUIRED,
 * OUTPUT_ONLY or IMMUTABLE (api-linter core::0203::field-behavior-required).
 *
 * api-linter's rule is a method rule: from each method's request it walks into
 * every message-typed field of the same package and reports the fields it
 * reaches, wherever they are declared. Its problem's location names the
 * field's own file and position (`location.path`), under the file of the method
 * (`file_path`). protogov reports each such field once, in its own file at that
 * position: after every file is seen (the request's file may come before the
 * service's in the image), from the methods of the files it checks.
 */
import { isFieldSet } from "@bufbuild/protobuf";
import { type DescriptorProto, FieldDescriptorProtoSchema } from "@bufbuild/protobuf/wkt";
import { fieldBehaviors, resource } from "../../../model/descriptors/google-api-options.js";
import type { TypeIndex } from "../../../model/descriptors/type-index.js";
import { defineRule } from "../rule.js";
import { aipProblems, aipRuleInfo } from "./aip-rule.js";
import { CheckedMessages } from "./checked-messages.js";

const SPEC = {
  aip: 203,
  name: "field-behavior-required",
  description:
    "Every field of a request, and of the messages of its package the request reaches, sets `google.api.field_behavior` (OPTIONAL, REQUIRED, OUTPUT_ONLY or IMMUTABLE).",
  rationale:
    "Client libraries and docs tell required from optional and output-only fields by field_behavior; a field without it leaves clients guessing.",
  needsTypes: true,
};

const MINIMUM = ["OPTIONAL", "REQUIRED", "OUTPUT_ONLY", "IMMUTABLE"];
/** Resource fields excused: `name` is IDENTIFIER (AIP-203), `etag` may carry none (AIP-154). */
const EXCUSED_RESOURCE_FIELDS = new Set(["name", "etag"]);

export default defineRule({
  ...aipRuleInfo(SPEC),
  create() {
    const checked = new CheckedMessages();
    /** Request types of the checked files' methods, by the package of the method's file. */
    const requests = new Map<string, Set<string>>();
    let types: TypeIndex | undefined;
    return {
      file(ctx) {
        types = ctx.types;
        // Methods count even where the rule is off: api-linter only asks the reported field, its messages and its file.
        for (const s of ctx.proto.service) {
          for (const m of s.method) requests.set(ctx.proto.package, (requests.get(ctx.proto.package) ?? new Set()).add(m.inputType));
        }
        const problem = aipProblems(ctx, SPEC);
        if (problem) checked.add(ctx.proto, problem);
      },
      end() {
        if (!types) return;
        for (const [pkg, inputs] of requests) walkPackage(types, pkg, inputs, checked);
      },
    };
  },
});

/** api-linter's walk from each request: fields of same-package messages, into message types but not map entries. */
function walkPackage(types: TypeIndex, pkg: string, inputs: Set<string>, checked: CheckedMessages): void {
  // api-linter marks fields visited per method; the union over a package's methods is the same with one set.
  const visitedMessages = new Set<DescriptorProto>();
  const queue = [...inputs].map((t) => types.message(t)).filter((m) => m !== undefined);
  while (queue.length > 0) {
    const m = queue.pop();
    if (!m || m.pkg !== pkg || visitedMessages.has(m.proto)) continue;
    visitedMessages.add(m.proto);
    const isResource = (resource(m.proto.options)?.type ?? "") !== "";
    for (const [i, f] of m.proto.field.entries()) {
      if (isResource && EXCUSED_RESOURCE_FIELDS.has(f.name)) continue;
      // Oneof members (proto3 `optional` ones too: protobuf-go gives them a synthetic oneof) are not checked, but walked.
      if (!isFieldSet(f, FieldDescriptorProtoSchema.field.oneofIndex)) {
        const fb = fieldBehaviors(f.options);
        if (fb.size === 0)
          checked.reportField(
            m.proto,
            i,
            `google.api.field_behavior annotation must be set on "${f.name}" and contain one of, "${MINIMUM.join(", ")}"`,
          );
        else if (!MINIMUM.some((b) => fb.has(b)))
          checked.reportField(
            m.proto,
            i,
            `google.api.field_behavior on field "${f.name}" must contain at least one, "${MINIMUM.join(", ")}"`,
          );
      }
      const type = f.typeName ? types.message(f.typeName) : undefined;
      if (type && type.proto.options?.mapEntry !== true) queue.push(type);
    }
  }
}

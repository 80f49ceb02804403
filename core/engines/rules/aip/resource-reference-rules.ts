/**
 * AIP-132/133 resource-reference-type: the `parent` of a List or Create
 * request references the listed or created resource with `child_type`, not
 * `type`. A method rule in api-linter whose finding is the request's field (in
 * the file declaring it), at its google.api.resource_reference option.
 */
import type { DescriptorProto } from "@bufbuild/protobuf/wkt";
import { type ResourceDescriptor, resourceReference } from "../../../model/descriptors/google-api-options.js";
import type { IndexedMessage } from "../../../model/descriptors/type-index.js";
import type { GovernanceRule } from "../rule.js";
import type { MethodView } from "./method-rules.js";
import { defineRequestFieldRule } from "./request-field-rules.js";

/** FieldDescriptorProto.options, google.api.resource_reference (locations.FieldResourceReference). */
export const RESOURCE_REFERENCE_OPTION: readonly number[] = [8, 1055];

export function parentReferenceTypeRule(spec: {
  aip: number;
  kind: "List" | "Create";
  /** The standard method, and the resource it lists or creates (undefined: not checked). */
  resource(m: MethodView): ResourceDescriptor | undefined;
  noun: string;
}): GovernanceRule {
  const of = (m: MethodView) => {
    const field = m.input.proto.field.findIndex((f) => f.name === "parent");
    const ref = resourceReference(m.input.proto.field[field]?.options);
    const res = ref && spec.resource(m);
    return ref && res ? { field, ref, res } : undefined;
  };
  return defineRequestFieldRule({
    aip: spec.aip,
    name: "resource-reference-type",
    description: `The \`parent\` of ${spec.kind} requests references the ${spec.noun} resource with \`child_type\`, not \`type\`.`,
    rationale: "`type` says the field names the resource itself; a parent field names its parent, which `child_type` expresses.",
    only: (m) => of(m) !== undefined,
    lint: (m) => {
      const found = of(m);
      if (!found) return [];
      const { field, ref, res } = found;
      const verb = spec.kind;
      if (res.type === ref.type)
        return [
          {
            field,
            message: `${verb} should use a \`child_type\` reference to the ${spec.noun} resource, not a \`type\` reference.`,
            sub: RESOURCE_REFERENCE_OPTION,
          },
        ];
      if (ref.childType !== "" && res.type !== ref.childType)
        return [
          { field, message: `${verb} should use a \`child_type\` reference to the ${spec.noun} resource.`, sub: RESOURCE_REFERENCE_OPTION },
        ];
      return [];
    },
  });
}

const TYPE_MESSAGE = 11;
const LABEL_REPEATED = 3;

/** utils.GetListResourceMessage: the message of the response's repeated message field with the lowest number. */
export function listResourceMessage(m: MethodView): IndexedMessage | undefined {
  const repeated = m.output.proto.field
    .filter((f) => f.label === LABEL_REPEATED && f.type === TYPE_MESSAGE && !isMapEntry(m, f.typeName))
    .sort((a, b) => a.number - b.number);
  const first = repeated[0];
  return first ? m.types.message(first.typeName) : undefined;
}

function isMapEntry(m: MethodView, typeName: string): boolean {
  const t: DescriptorProto | undefined = m.types.message(typeName)?.proto;
  return t?.options?.mapEntry === true;
}

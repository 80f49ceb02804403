/** AIP-132: `filter` and `order_by` of List requests are singular strings, `show_deleted` a singular bool (api-linter core::0132::request-field-types). */
import { defineMessageRule, fieldTypePath, isRepeated } from "./message-rules.js";
import { isRequestMessage } from "./request-fields.js";

/** FieldDescriptorProto.Type: TYPE_BOOL 8, TYPE_STRING 9. */
const KNOWN: Record<string, { type: number; name: string }> = {
  filter: { type: 9, name: "string" },
  order_by: { type: 9, name: "string" },
  show_deleted: { type: 8, name: "bool" },
};

export default defineMessageRule({
  aip: 132,
  name: "request-field-types",
  description: "`filter` and `order_by` of List requests are singular strings, `show_deleted` a singular bool.",
  rationale: "Clients and gateways pass these standard fields the same way for every List method.",
  only: (m) => isRequestMessage("List", m),
  lint: (c) => {
    for (const [i, f] of c.proto.field.entries()) {
      const want = KNOWN[f.name];
      const at = c.fieldAt(i);
      if (want && at && (f.type !== want.type || isRepeated(f)))
        c.problem(at.element, `The \`${f.name}\` field must be a singular ${want.name}.`, fieldTypePath(f));
    }
  },
});

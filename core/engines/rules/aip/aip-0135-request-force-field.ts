/** AIP-135: `force` of a Delete request is a singular bool (api-linter core::0135::request-force-field). */
import { defineMessageRule, fieldTypePath, isRepeated } from "./message-rules.js";
import { isRequestMessage } from "./request-fields.js";

/** FieldDescriptorProto.Type.TYPE_BOOL. */
const TYPE_BOOL = 8;

export default defineMessageRule({
  aip: 135,
  name: "request-force-field",
  description: "The `force` field of a Delete request is a singular `bool`.",
  rationale: "Clients set `force` as a flag; any other type breaks the standard cascading delete.",
  only: (m) => isRequestMessage("Delete", m),
  lint: (c) => {
    const f = c.field("force");
    if (f && (f.proto.type !== TYPE_BOOL || isRepeated(f.proto)))
      c.problem(f.element, "The `force` field must be a singular bool.", fieldTypePath(f.proto));
  },
});

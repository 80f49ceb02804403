/** AIP-134: `update_mask` is a singular google.protobuf.FieldMask (api-linter core::0134::request-mask-field). */
import { defineMessageRule, fieldTypePath, isRepeated } from "./message-rules.js";
import { isRequestMessage } from "./request-fields.js";

export default defineMessageRule({
  aip: 134,
  name: "request-mask-field",
  description: "The `update_mask` field of Update requests is a singular `google.protobuf.FieldMask`.",
  rationale: "Client libraries and servers build and apply masks from the FieldMask type.",
  only: (m) => isRequestMessage("Update", m),
  lint: (c) => {
    const f = c.field("update_mask");
    if (f && (f.proto.typeName !== ".google.protobuf.FieldMask" || isRepeated(f.proto)))
      c.problem(f.element, "The `update_mask` field should be a singular google.protobuf.FieldMask.", fieldTypePath(f.proto));
  },
});

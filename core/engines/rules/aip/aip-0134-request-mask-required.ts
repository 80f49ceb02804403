/** AIP-134: Update requests have an `update_mask` field (api-linter core::0134::request-mask-required). */
import { defineMessageRule } from "./message-rules.js";
import { isRequestMessage } from "./request-fields.js";

export default defineMessageRule({
  aip: 134,
  name: "request-mask-required",
  description: "Update requests have an `update_mask` field.",
  rationale: "Without a field mask an update replaces the whole resource, and fields a client does not know about are lost.",
  only: (m) => isRequestMessage("Update", m),
  lint: (c) => {
    if (!c.field("update_mask")) c.problem(c.message, "Update methods should have an `update_mask` field.", []);
  },
});

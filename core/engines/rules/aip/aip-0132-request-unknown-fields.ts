/** AIP-132: List requests hold only the fields AIP-132, 135, 155, 157, 158 and 217 describe (api-linter core::0132::request-unknown-fields). */
import { requestUnknownFieldsRule } from "./request-fields.js";

const ALLOWED = [
  "parent",
  "page_size",
  "page_token",
  "skip",
  "filter",
  "order_by",
  "show_deleted",
  "request_id",
  "read_mask",
  "view",
  "return_partial_success",
];

export default requestUnknownFieldsRule(132, "List", () => ALLOWED, false);

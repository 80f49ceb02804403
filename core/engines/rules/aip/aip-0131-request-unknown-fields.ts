/** AIP-131: Get requests hold only name, request_id, read_mask and view (api-linter core::0131::request-unknown-fields). */
import { requestUnknownFieldsRule } from "./request-fields.js";

export default requestUnknownFieldsRule(131, "Get", () => ["name", "request_id", "read_mask", "view"], false);

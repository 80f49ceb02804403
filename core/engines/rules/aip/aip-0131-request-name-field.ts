/** AIP-131: the `name` field of a Get request is a singular string (api-linter core::0131::request-name-field). */
import { requestFieldTypeRule } from "./request-fields.js";

export default requestFieldTypeRule(131, "Get", "name");

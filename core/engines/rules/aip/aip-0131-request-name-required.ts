/** AIP-131: Get requests have a `name` field (api-linter core::0131::request-name-required). */
import { requestFieldRequiredRule } from "./request-fields.js";

export default requestFieldRequiredRule(131, "Get", "name");

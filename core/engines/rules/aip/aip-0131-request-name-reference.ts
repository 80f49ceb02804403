/** AIP-131: the `name` field of Get requests carries google.api.resource_reference (api-linter core::0131::request-name-reference). */
import { requestFieldReferenceRule } from "./request-fields.js";

export default requestFieldReferenceRule(131, "Get", "name");

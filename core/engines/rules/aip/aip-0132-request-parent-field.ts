/** AIP-132: the `parent` field of a List request is a singular string (api-linter core::0132::request-parent-field). */
import { requestFieldTypeRule } from "./request-fields.js";

export default requestFieldTypeRule(132, "List", "parent");

/** AIP-133: the `parent` field of a Create request is a singular string (api-linter core::0133::request-parent-field). */
import { requestFieldTypeRule } from "./request-fields.js";

export default requestFieldTypeRule(133, "Create", "parent");

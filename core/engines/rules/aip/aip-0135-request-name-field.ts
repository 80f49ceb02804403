/** AIP-135: the `name` field of a Delete request is a singular string (api-linter core::0135::request-name-field). */
import { requestFieldTypeRule } from "./request-fields.js";

export default requestFieldTypeRule(135, "Delete", "name");

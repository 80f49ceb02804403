/** AIP-132: List requests make only `parent` REQUIRED (api-linter core::0132::request-required-fields). */
import { requestRequiredFieldsRule } from "./request-fields.js";

export default requestRequiredFieldsRule(132, "List", ["parent"]);

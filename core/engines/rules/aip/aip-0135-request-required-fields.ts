/** AIP-135: Delete requests make only `name` and `etag` REQUIRED (api-linter core::0135::request-required-fields). */
import { requestRequiredFieldsRule } from "./request-fields.js";

export default requestRequiredFieldsRule(135, "Delete", ["name", "etag"]);

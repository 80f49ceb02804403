/** AIP-131: Get requests make only `name` REQUIRED (api-linter core::0131::request-required-fields). */
import { requestRequiredFieldsRule } from "./request-fields.js";

export default requestRequiredFieldsRule(131, "Get", ["name"]);

/** AIP-131: Get methods use HTTP GET (api-linter core::0131::http-method). */
import { httpVerbRule } from "./standard-method-lints.js";

export default httpVerbRule(131, "Get", "GET");

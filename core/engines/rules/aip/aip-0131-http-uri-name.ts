/** AIP-131: the HTTP URI of a Get method has a `name` variable (api-linter core::0131::http-uri-name). */
import { uriVariableRule } from "./standard-method-lints.js";

export default uriVariableRule(131, "Get", "http-uri-name", () => "name");

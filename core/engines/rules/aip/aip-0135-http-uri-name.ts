/** AIP-135: the HTTP URI of a Delete method has a `name` variable (api-linter core::0135::http-uri-name). */
import { uriVariableRule } from "./standard-method-lints.js";

export default uriVariableRule(135, "Delete", "http-uri-name", () => "name");

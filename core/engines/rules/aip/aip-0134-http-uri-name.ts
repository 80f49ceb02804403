/** AIP-134: the HTTP URI of `UpdateBook` has a `book.name` variable (api-linter core::0134::http-uri-name). */
import { uriVariableRule } from "./standard-method-lints.js";
import { snakeCase } from "./strcase.js";

export default uriVariableRule(134, "Update", "http-uri-name", (m) => `${snakeCase(m.name.slice(6))}.name`);

/** AIP-134: `UpdateBook` returns `Book`, or an LRO of `Book` (api-linter core::0134::response-message-name). */
import { resourceResponseRule } from "./standard-method-lints.js";

export default resourceResponseRule(134, "Update", (m) => m.name.replace("Update", ""));

/** AIP-133: `CreateBook` returns `Book`, or an LRO of `Book` (api-linter core::0133::response-message-name). */
import { resourceMessageName } from "./resources.js";
import { resourceResponseRule } from "./standard-method-lints.js";

export default resourceResponseRule(133, "Create", (m) => resourceMessageName(m, "Create"));

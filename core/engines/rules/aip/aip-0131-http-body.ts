/** AIP-131: Get methods have no HTTP body (api-linter core::0131::http-body). */
import { noHttpBodyRule } from "./standard-method-lints.js";

export default noHttpBodyRule(131, "Get");

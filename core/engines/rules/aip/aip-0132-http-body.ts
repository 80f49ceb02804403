/** AIP-132: List methods have no HTTP body (api-linter core::0132::http-body). */
import { noHttpBodyRule } from "./standard-method-lints.js";

export default noHttpBodyRule(132, "List");

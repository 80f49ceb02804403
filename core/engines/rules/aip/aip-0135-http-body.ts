/** AIP-135: Delete methods have no HTTP body (api-linter core::0135::http-body). */
import { noHttpBodyRule } from "./standard-method-lints.js";

export default noHttpBodyRule(135, "Delete");

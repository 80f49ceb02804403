/** AIP-151: operation_info.response_type is set, and not Empty except for Deletes (api-linter core::0151::lro-response-type). */
import { lroTypeRule } from "./lro-rules.js";

export default lroTypeRule("response");

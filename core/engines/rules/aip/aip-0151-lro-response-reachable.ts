/** AIP-151: an LRO's response type is reachable from the method's file (api-linter core::0151::lro-response-reachable). */
import { lroReachableRule } from "./lro-reachable-rules.js";

export default lroReachableRule("lro-response-reachable", "response", (info) => info.responseType);

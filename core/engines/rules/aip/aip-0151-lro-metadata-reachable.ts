/** AIP-151: an LRO's metadata type is reachable from the method's file (api-linter core::0151::lro-metadata-reachable). */
import { lroReachableRule } from "./lro-reachable-rules.js";

export default lroReachableRule("lro-metadata-reachable", "metadata", (info) => info.metadataType);

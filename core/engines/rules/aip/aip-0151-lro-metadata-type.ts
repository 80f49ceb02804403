/** AIP-151: operation_info.metadata_type is set, and not Empty (api-linter core::0151::lro-metadata-type). */
import { lroTypeRule } from "./lro-rules.js";

export default lroTypeRule("metadata");

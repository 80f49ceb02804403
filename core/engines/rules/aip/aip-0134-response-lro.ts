/** AIP-134: Update methods of declarative-friendly resources return an LRO (api-linter core::0134::response-lro). */
import { responseLroRule } from "./response-lro-rules.js";

export default responseLroRule(134, "Update");

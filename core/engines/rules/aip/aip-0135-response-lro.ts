/** AIP-135: Delete methods of declarative-friendly resources return an LRO (api-linter core::0135::response-lro). */
import { responseLroRule } from "./response-lro-rules.js";

export default responseLroRule(135, "Delete");

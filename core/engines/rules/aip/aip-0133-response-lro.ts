/** AIP-133: Create methods of declarative-friendly resources return an LRO (api-linter core::0133::response-lro). */
import { responseLroRule } from "./response-lro-rules.js";

export default responseLroRule(133, "Create");

/** AIP-131: Get methods declare `(google.api.method_signature) = "name"` (api-linter core::0131::method-signature). */
import { exactSignatureRule } from "./standard-method-lints.js";

export default exactSignatureRule(131, "Get", () => ["name"]);

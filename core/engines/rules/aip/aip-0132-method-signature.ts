/** AIP-132: List methods with a `parent` declare `(google.api.method_signature) = "parent"` (api-linter core::0132::method-signature). */
import { hasField } from "./method-rules.js";
import { exactSignatureRule } from "./standard-method-lints.js";

export default exactSignatureRule(
  132,
  "List",
  () => ["parent"],
  (m) => hasField(m.input, "parent"),
);

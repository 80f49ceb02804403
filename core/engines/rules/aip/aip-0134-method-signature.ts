/** AIP-134: `UpdateBook` declares `(google.api.method_signature) = "book,update_mask"` (api-linter core::0134::method-signature). */
import { exactSignatureRule } from "./standard-method-lints.js";
import { snakeCase } from "./strcase.js";

export default exactSignatureRule(134, "Update", (m) => [snakeCase(m.name.replace(/^Update/, "")), "update_mask"]);

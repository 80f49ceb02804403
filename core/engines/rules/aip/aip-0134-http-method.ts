/** AIP-134: Update methods use HTTP PATCH (api-linter core::0134::http-method). */
import { httpVerbRule } from "./standard-method-lints.js";

export default httpVerbRule(134, "Update", "PATCH");

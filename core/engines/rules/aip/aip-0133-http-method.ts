/** AIP-133: Create methods use HTTP POST (api-linter core::0133::http-method). */
import { httpVerbRule } from "./standard-method-lints.js";

export default httpVerbRule(133, "Create", "POST");

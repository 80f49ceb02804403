/** AIP-135: Delete methods use HTTP DELETE (api-linter core::0135::http-method). */
import { httpVerbRule } from "./standard-method-lints.js";

export default httpVerbRule(135, "Delete", "DELETE");

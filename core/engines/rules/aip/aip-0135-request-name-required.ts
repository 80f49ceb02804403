/** AIP-135: Delete requests have a `name` field (api-linter core::0135::request-name-required). */
import { requestFieldRequiredRule } from "./request-fields.js";

export default requestFieldRequiredRule(135, "Delete", "name");

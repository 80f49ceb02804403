/** AIP-135: the `name` field of Delete requests carries google.api.resource_reference (api-linter core::0135::request-name-reference). */
import { requestFieldReferenceRule } from "./request-fields.js";

export default requestFieldReferenceRule(135, "Delete", "name");

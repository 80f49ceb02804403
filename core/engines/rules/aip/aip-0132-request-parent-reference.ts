/** AIP-132: the `parent` field of List requests carries google.api.resource_reference (api-linter core::0132::request-parent-reference). */
import { requestFieldReferenceRule } from "./request-fields.js";

export default requestFieldReferenceRule(132, "List", "parent");

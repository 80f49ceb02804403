/** AIP-133: the `parent` field of Create requests carries google.api.resource_reference (api-linter core::0133::request-parent-reference). */
import { requestFieldReferenceRule } from "./request-fields.js";

export default requestFieldReferenceRule(133, "Create", "parent");

/** AIP-132: the `parent` field of a List request is REQUIRED (api-linter core::0132::request-parent-behavior). */
import { requestFieldBehaviorRule } from "./request-fields.js";

export default requestFieldBehaviorRule(132, "List", "parent");

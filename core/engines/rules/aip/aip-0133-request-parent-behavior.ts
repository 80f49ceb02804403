/** AIP-133: the `parent` field of a Create request is REQUIRED (api-linter core::0133::request-parent-behavior). */
import { requestFieldBehaviorRule } from "./request-fields.js";

export default requestFieldBehaviorRule(133, "Create", "parent");

/** AIP-134: methods are not named with a synonym of "Update" (api-linter core::0134::synonyms). */
import { synonymsRule } from "./synonyms.js";

export default synonymsRule(134, "Update", ["Patch", "Put", "Set"], true, "SetIamPolicy");

/** AIP-133: methods are not named with a synonym of "Create" (api-linter core::0133::synonyms). */
import { synonymsRule } from "./synonyms.js";

export default synonymsRule(133, "Create", ["Insert", "Make", "Post"], false);

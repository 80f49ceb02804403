/** AIP-131: methods are not named with a synonym of "Get" (api-linter core::0131::synonyms). */
import { synonymsRule } from "./synonyms.js";

export default synonymsRule(131, "Get", ["Acquire", "Fetch", "Lookup", "Read", "Retrieve"], false);

/** AIP-140: no leading, trailing or doubled underscores in field names (api-linter core::0140::underscores). */
import { defineAipRule } from "./aip-rule.js";
import { elements } from "./elements.js";

export default defineAipRule({
  aip: 140,
  name: "underscores",
  description: "Field names do not begin or end with an underscore, nor hold two in a row.",
  rationale: "Generators turn underscores into word breaks; stray ones produce clashing or odd names in other languages.",
  check(file, problem) {
    for (const e of elements(file)) {
      if (e.kind !== "field") continue;
      const n = e.proto.name;
      if (n.startsWith("_") || n.endsWith("_") || n.includes("__")) {
        problem(e, "Field names must not begin or end with underscore, or have adjacent underscores.");
      }
    }
  },
});

/** AIP-140: no word of a field name starts with a digit (api-linter core::0140::numbers). */
import { defineAipRule } from "./aip-rule.js";
import { elements } from "./elements.js";

export default defineAipRule({
  aip: 140,
  name: "numbers",
  description: "No word of a field name starts with a number (`ipv4_address`, not `ip_4_address`).",
  rationale: "Words that start with a digit become invalid or ambiguous identifiers once generators camel-case them.",
  check(file, problem) {
    for (const e of elements(file)) {
      if (e.kind === "field" && e.proto.name.split("_").some((w) => /^[0-9]/.test(w))) {
        problem(e, "No word in a field name should start with a number.");
      }
    }
  },
});

/** AIP-122: fields do not end in `_name` (api-linter core::0122::name-suffix). */
import { defineAipRule } from "./aip-rule.js";
import { elements } from "./elements.js";

const ALLOWED = new Set(["display_name", "family_name", "given_name", "full_resource_name", "crypto_key_name", "cmek_key_name"]);

export default defineAipRule({
  aip: 122,
  name: "name-suffix",
  description: "Field names do not end in `_name` (`display_name` and a few well-known names excepted).",
  rationale: "In resource-oriented APIs `name` is the resource name; `book_name` reads as a reference and confuses clients.",
  check(file, problem) {
    for (const e of elements(file)) {
      if (e.kind !== "field") continue;
      const n = e.proto.name;
      if (n.endsWith("_name") && !n.endsWith("_display_name") && !ALLOWED.has(n)) problem(e, "Fields should not use the `_name` suffix.");
    }
  },
});

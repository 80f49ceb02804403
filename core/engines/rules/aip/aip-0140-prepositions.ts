/** AIP-140: field names avoid prepositions (api-linter core::0140::prepositions). */
import { defineFieldRule } from "./field-rules.js";

/** api-linter's data.Prepositions (`per` is fine). */
const PREPOSITIONS = new Set(
  "after at before between but by except for from in including into of over since to toward under upon with within without".split(" "),
);
const EXCEPTIONS = new Set(["order_by", "group_by", "hour_of_day", "day_of_week"]);

export default defineFieldRule({
  aip: 140,
  name: "prepositions",
  description: "Field names avoid prepositions (`error_reason`, not `reason_for_error`); `order_by`, `group_by` and a few others excepted.",
  rationale: "Prepositions make names longer without making them clearer, and different APIs pick different ones.",
  at: [1],
  lint: (f) => {
    if (EXCEPTIONS.has(f.proto.name)) return undefined;
    const word = f.proto.name.split("_").find((w) => PREPOSITIONS.has(w));
    return word ? `Avoid using "${word}" in field names.` : undefined;
  },
});

/** AIP-148: `given_name` and `family_name`, not `first_name` and `last_name` (api-linter core::0148::human-names). */
import { defineFieldRule } from "./field-rules.js";

const CORRECTIONS: Record<string, string> = { first_name: "given_name", last_name: "family_name" };

export default defineFieldRule({
  aip: 148,
  name: "human-names",
  description: "Fields for people's names are `given_name` and `family_name`, not `first_name` and `last_name`.",
  rationale: "First and last are not given and family name in every culture; the standard names are correct everywhere.",
  at: [1],
  lint: (f) => {
    const want = CORRECTIONS[f.proto.name];
    return want ? `Use ${want} instead of ${f.proto.name}.` : undefined;
  },
});

/** AIP-126: enum values are UPPER_SNAKE_CASE (api-linter core::0126::upper-snake-values). */
import { defineAipRule } from "./aip-rule.js";
import { elements } from "./elements.js";
import { snakeCase } from "./strcase.js";

export default defineAipRule({
  aip: 126,
  name: "upper-snake-values",
  description: "Enum values are UPPER_SNAKE_CASE.",
  rationale: "Generated code in every language derives constant names from enum values; one convention keeps them predictable.",
  check(file, problem) {
    for (const e of elements(file)) {
      if (e.kind !== "value") continue;
      const want = snakeCase(e.proto.name).toUpperCase();
      if (e.proto.name !== want) problem(e, `Enum value "${e.proto.name}" must use UPPER_SNAKE_CASE.`);
    }
  },
});

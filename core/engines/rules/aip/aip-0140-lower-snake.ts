/** AIP-140: field names are lower_snake_case (api-linter core::0140::lower-snake). */
import { upperSnake } from "./aip-0126-unspecified.js";
import { defineAipRule } from "./aip-rule.js";
import { elements } from "./elements.js";

/**
 * api-linter's toLowerSnakeCase (strcase.SnakeCase, lower-cased): words split
 * at case changes and at any run of non-alphanumerics, joined by one underscore.
 */
export function toLowerSnake(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => upperSnake(part))
    .join("_")
    .toLowerCase();
}

export default defineAipRule({
  aip: 140,
  name: "lower-snake",
  description: "Field names use lower_snake_case.",
  rationale: "Generated code in every language maps lower_snake_case to its own convention; other shapes produce clashes and odd names.",
  check(file, problem) {
    for (const e of elements(file)) {
      if (e.kind !== "field") continue;
      if (e.proto.name !== toLowerSnake(e.proto.name)) problem(e, `Field \`${e.proto.name}\` must use lower_snake_case.`);
    }
  },
});

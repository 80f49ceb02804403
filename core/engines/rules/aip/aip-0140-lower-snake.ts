/** AIP-140: field names are lower_snake_case (api-linter core::0140::lower-snake). */
import { defineAipRule } from "./aip-rule.js";
import { elements } from "./elements.js";

/** api-linter's toLowerSnakeCase: an underscore before each capital, then lower case. */
export function toLowerSnake(name: string): string {
  let out = "";
  for (const [i, ch] of [...name].entries()) {
    if (ch >= "A" && ch <= "Z") out += `${i > 0 ? "_" : ""}${ch.toLowerCase()}`;
    else out += ch;
  }
  return out;
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

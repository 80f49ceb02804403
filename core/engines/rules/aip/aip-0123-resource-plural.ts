/** AIP-123: resources declare a lowerCamelCase `plural` (api-linter core::0123::resource-plural). */
import { defineResourceRule, RESOURCE_OPTION } from "./resource-rules.js";
import { lowerCamelCase } from "./strcase.js";

export default defineResourceRule({
  aip: 123,
  name: "resource-plural",
  description: "Resources declare `plural`, in lowerCamelCase.",
  rationale: "Client libraries and declarative tooling name collections after the plural; guessing it goes wrong for irregular nouns.",
  lint: (c, r) => {
    if (r.plural === "") c.problem(c.message, "Resources should declare plural.", RESOURCE_OPTION);
    else if (lowerCamelCase(r.plural) !== r.plural)
      c.problem(c.message, `Resource plural should be lowerCamelCase: "${lowerCamelCase(r.plural)}"`, RESOURCE_OPTION);
  },
});

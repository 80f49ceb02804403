/**
 * AIP-123: every pattern of a resource ends in its singular, `{book}` (or the
 * constant `settings` of a singleton), or in the nested collection's reduced
 * name (api-linter core::0123::resource-pattern-singular).
 */

import { isNestedName, isSingletonPattern, nestedSingular, singularOf } from "./resource-patterns.js";
import { defineResourceRule, RESOURCE_OPTION } from "./resource-rules.js";
import { snakeCase, strcaseLowerCamel } from "./strcase.js";

export default defineResourceRule({
  aip: 123,
  name: "resource-pattern-singular",
  description: "Every pattern of a resource ends in its singular (`{book}`, or `settings` for a singleton).",
  rationale: "Clients derive the resource's ID parameter from the last segment of its pattern.",
  typed: true,
  lint: (c, r) => {
    const patterns = r.pattern;
    const firstPattern = patterns[0];
    if (firstPattern === undefined) return;
    const nested = isNestedName(r);
    let nn = nested ? nestedSingular(r) : "";
    let singular = singularOf(r);
    // utils.IsSingletonResource: any pattern that ends in a constant.
    if (!patterns.some(isSingletonPattern)) {
      singular = `{${snakeCase(singular)}}`;
      nn = `{${nn}}`;
    } else {
      nn = strcaseLowerCamel(nn);
    }
    const nestedFirst = nested && (firstPattern.endsWith(nn) || !firstPattern.endsWith(singular));
    for (const pattern of patterns) {
      if (pattern.endsWith(singular) || (nested && pattern.endsWith(nn))) continue;
      const want = nestedFirst ? nn : singular;
      c.problem(c.message, `resource pattern "${pattern}" final segment must include the resource singular "${want}"`, RESOURCE_OPTION);
    }
  },
});

/**
 * AIP-123: every pattern of a resource names its collection by the resource's
 * `plural` (or the nested collection's reduced plural) (api-linter
 * core::0123::resource-pattern-plural).
 */

import { isNestedName, isRootLevelPattern, isSingletonPattern, nestedPlural } from "./resource-patterns.js";
import { defineResourceRule, RESOURCE_OPTION } from "./resource-rules.js";

export default defineResourceRule({
  aip: 123,
  name: "resource-pattern-plural",
  description: "Every pattern of a resource names its collection by the resource's `plural` (`publishers/{publisher}/books/{book}`).",
  rationale: "Clients and tools map collection segments to resource types by the plural.",
  typed: true,
  lint: (c, r) => {
    const patterns = r.pattern;
    const firstPattern = patterns[0];
    if (firstPattern === undefined || r.plural === "" || patterns.some(isSingletonPattern)) return;
    const nested = isNestedName(r);
    const nn = `/${nested ? nestedPlural(r) : ""}/`;
    // isRootLevelResource looks at the first pattern only: a root collection starts the name, without a leading slash.
    const plural = isRootLevelPattern(firstPattern) ? `${r.plural}/` : `/${r.plural}/`;
    const nestedFirst = nested && (firstPattern.includes(nn) || !firstPattern.includes(plural));
    for (const [i, pattern] of patterns.entries()) {
      if (!pattern.includes(plural) || (i > 0 && nestedFirst && !pattern.includes(nn))) {
        if (nested && pattern.includes(nn)) continue;
        const want = nestedFirst ? nn : plural;
        c.problem(c.message, `resource pattern "${pattern}" collection segment must be the resource plural "${want}"`, RESOURCE_OPTION);
      }
    }
  },
});

/** AIP-192: comments hold no raw HTML (api-linter core::0192::no-html). */

import { defineAipRule } from "./aip-rule.js";
import { externalParts } from "./comment-parts.js";
import { elements } from "./elements.js";

const HTML_TAG = /(<\/ *[a-zA-Z-]+>|<[a-zA-Z-]+ *\/>)/;

export default defineAipRule({
  aip: 192,
  name: "no-html",
  description: "Comments use Markdown, not raw HTML tags.",
  rationale: "Comments are rendered by many doc generators; raw HTML breaks some and is escaped by others.",
  check(file, problem, ctx) {
    for (const e of elements(file)) {
      const comment = ctx.location(e.path)?.leadingComments ?? "";
      if (comment && externalParts(comment).some((part) => HTML_TAG.test(part))) problem(e, "Comments must not include raw HTML.", []);
    }
  },
});

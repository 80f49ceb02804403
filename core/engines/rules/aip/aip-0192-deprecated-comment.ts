/** AIP-192: a deprecated element's comment starts with "Deprecated:" (api-linter core::0192::deprecated-comment). */

import { externalComment } from "./aip-0192-has-comments.js";
import { defineAipRule } from "./aip-rule.js";
import { elements } from "./elements.js";

export default defineAipRule({
  aip: 192,
  name: "deprecated-comment",
  description: 'Deprecated elements start their comment with "Deprecated: <reason>".',
  rationale: "Readers of generated docs and clients see why an element is deprecated and what replaces it.",
  checksDeprecated: true,
  check(file, problem, ctx) {
    for (const e of elements(file)) {
      if (e.proto.options?.deprecated !== true) continue;
      const comment = externalComment(ctx.location(e.path)?.leadingComments ?? "");
      if (!comment.startsWith("Deprecated:")) problem(e, 'Use "Deprecated: <reason>" as the first line in the comment.', []);
    }
  },
});

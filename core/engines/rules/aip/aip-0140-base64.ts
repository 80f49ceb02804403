/** AIP-140: string fields whose comment mentions base64 should be bytes (api-linter core::0140::base64). */
import { defineAipRule } from "./aip-rule.js";
import { elements } from "./elements.js";

const TYPE_STRING = 9;

export default defineAipRule({
  aip: 140,
  name: "base64",
  description: "A string field whose comment mentions base64 is `bytes` instead.",
  rationale: "`bytes` fields are base64 in JSON already; a base64 string is encoded twice or by hand.",
  check(file, problem, ctx) {
    for (const e of elements(file)) {
      if (e.kind !== "field" || e.proto.type !== TYPE_STRING) continue;
      // The whole leading comment, internal parts too, as api-linter reads it.
      const comment = (ctx.location(e.path)?.leadingComments ?? "").toLowerCase();
      if (comment.includes("base64") || comment.includes("base-64"))
        problem(
          e,
          `Field "${e.proto.name}" mentions base64 encoding in comments, so it should probably be type \`bytes\`, not \`string\`.`,
          [],
        );
    }
  },
});

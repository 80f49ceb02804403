/** AIP-192: every service, method, message, field, enum and value has a public comment (api-linter core::0192::has-comments). */
import { defineAipRule } from "./aip-rule.js";
import { elements } from "./elements.js";

/** The public part of a comment: everything outside `(-- internal --)` blocks. */
export function externalComment(comment: string): string {
  let external = "";
  let rest = comment;
  while (rest.length > 0) {
    const open = rest.indexOf("(--");
    external += (open < 0 ? rest : rest.slice(0, open)).trim();
    if (open < 0) break;
    const close = rest.indexOf("--)", open + 3);
    if (close < 0) break;
    rest = rest.slice(close + 3).trim();
  }
  return external;
}

export default defineAipRule({
  aip: 192,
  name: "has-comments",
  description: "Every service, method, message, field, enum and enum value has a comment (internal `(-- --)` text does not count).",
  rationale: "Comments are the API's public documentation; generated docs and client libraries copy them.",
  check(file, problem, ctx) {
    for (const e of elements(file)) {
      const comment = ctx.location(e.path)?.leadingComments ?? "";
      if (externalComment(comment) === "") problem(e, `Missing comment over "${e.proto.name}".`);
    }
  },
});

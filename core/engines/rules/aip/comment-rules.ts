/** AIP-192 rules on each element's leading comment, line by line (api-linter's DescriptorRule over utils.SeparateInternalComments). */
import type { GovernanceRule } from "../rule.js";
import { defineAipRule } from "./aip-rule.js";
import { externalParts } from "./comment-parts.js";
import { elements } from "./elements.js";

export function commentLineRule(spec: {
  name: string;
  description: string;
  rationale: string;
  message: string;
  /** Whether a line of the comment's public part breaks the rule. */
  bad(line: string): boolean;
}): GovernanceRule {
  return defineAipRule({
    aip: 192,
    name: spec.name,
    description: spec.description,
    rationale: spec.rationale,
    check(file, problem, ctx) {
      for (const e of elements(file)) {
        const comment = ctx.location(e.path)?.leadingComments ?? "";
        if (comment && externalParts(comment).some((part) => part.split("\n").some(spec.bad))) problem(e, spec.message, []);
      }
    },
  });
}

/**
 * Method rules whose findings are fields of the request (AIP-133/134
 * request-required-fields), as api-linter's: its problem names the field,
 * which may be declared in another file than the method (requests.proto next
 * to service.proto). The finding lands on the field in its own file; the
 * methods are read as each file is checked, the findings given out once every
 * file is seen, because the request's file may come after the method's when
 * the files are not in dependency order (a buf check plugin's request).
 */
import type { GovernanceRule } from "../rule.js";
import { type AipRuleSpec, aipProblems, aipRuleInfo } from "./aip-rule.js";
import { CheckedMessages } from "./checked-messages.js";
import { type MethodView, methodViews } from "./method-rules.js";

export interface RequestFieldProblem {
  /** Index of the field in the request message. */
  field: number;
  message: string;
  /** Where below the field (its start by default). */
  sub?: readonly number[];
}

export function defineRequestFieldRule(
  spec: Pick<AipRuleSpec, "aip" | "name" | "description" | "rationale"> & {
    only(m: MethodView): boolean;
    lint(m: MethodView): RequestFieldProblem[];
  },
): GovernanceRule {
  return {
    ...aipRuleInfo({ ...spec, needsTypes: true }),
    create() {
      const checked = new CheckedMessages();
      const pending: { m: MethodView; found: RequestFieldProblem }[] = [];
      return {
        file(ctx) {
          // Every method counts, even in a file where the rule is off: api-linter asks only the field, its messages and its file.
          for (const m of methodViews(ctx.proto, ctx.types)) {
            if (spec.only(m)) for (const found of spec.lint(m)) pending.push({ m, found });
          }
          const problem = aipProblems(ctx, spec);
          if (problem) checked.add(ctx.proto, problem);
        },
        end() {
          for (const { m, found } of pending) checked.reportField(m.input.proto, found.field, found.message, found.sub);
        },
      };
    },
  };
}

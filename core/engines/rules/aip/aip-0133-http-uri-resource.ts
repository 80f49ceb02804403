/**
 * AIP-133: the collection a Create method's URI ends in appears in every
 * pattern of the resource it returns (api-linter core::0133::http-uri-resource).
 * A pattern without it is reported on the response message, which may be
 * declared in another file than the method: that finding lands in the
 * message's file, once the run has seen every file (checked-messages.ts).
 */
import { defineRule } from "../rule.js";
import { aipProblems, aipRuleInfo } from "./aip-rule.js";
import { CheckedMessages } from "./checked-messages.js";
import { methodViews } from "./method-rules.js";
import { resourceOf } from "./resources.js";
import { isStandard } from "./standard-methods.js";

const SPEC = {
  aip: 133,
  name: "http-uri-resource",
  description: "The collection a Create method's HTTP URI ends in (`.../books`) appears in every pattern of the resource it returns.",
  rationale: "The URI and the resource's name pattern describe the same collection; when they differ, clients build wrong names.",
  needsTypes: true,
};

export default defineRule({
  ...aipRuleInfo(SPEC),
  create() {
    const checked = new CheckedMessages();
    const pending: { message: Parameters<CheckedMessages["reportMessage"]>[0]; text: string }[] = [];
    return {
      file(ctx) {
        const problem = aipProblems(ctx, SPEC);
        if (problem) checked.add(ctx.proto, problem);
        for (const m of methodViews(ctx.proto, ctx.types)) {
          const first = m.http[0];
          if (!isStandard("Create", m.name) || !first) continue;
          const last = first.uri.split("/").at(-1) ?? "";
          const collection = last.includes(":") ? (last.split(":")[0] ?? "") : last;
          if (collection === "") {
            problem?.(m.element, "The URI path does not end in a collection identifier.", []);
            continue;
          }
          // The output itself, not an LRO's response type: an Operation has no resource, so nothing is checked then.
          for (const pattern of resourceOf(m.output)?.pattern ?? []) {
            if (!pattern.includes(`${collection}/`))
              pending.push({
                message: m.output.proto,
                text: `Resource pattern should contain the collection identifier "${collection}/".`,
              });
          }
        }
      },
      end() {
        for (const p of pending) checked.reportMessage(p.message, p.text);
      },
    };
  },
});

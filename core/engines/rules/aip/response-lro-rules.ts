/** AIP-133/134/135 response-lro: standard methods of declarative-friendly resources return an LRO. */
import type { GovernanceRule } from "../rule.js";
import { declarativeFriendlyOfMethod } from "./declarative-friendly.js";
import { defineMethodRule, isOperation } from "./method-rules.js";
import { isStandard, type StandardMethod } from "./standard-methods.js";

export function responseLroRule(aip: number, kind: StandardMethod): GovernanceRule {
  const verb = kind.toLowerCase();
  return defineMethodRule({
    aip,
    name: "response-lro",
    description: `${kind} methods of declarative-friendly resources return a \`google.longrunning.Operation\`.`,
    rationale: "Declarative tools (Terraform and the like) wait on the operation to know when the change is done.",
    only: (m) => isStandard(kind, m.name) && declarativeFriendlyOfMethod(m.types, m.proto, m.file) !== undefined,
    lint: (m) =>
      isOperation(m.output) ? undefined : { message: `Declarative-friendly ${verb} methods should use an LRO.`, at: "response" },
  });
}

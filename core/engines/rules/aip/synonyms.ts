/** AIP-131, 133, 134 `synonyms`: methods named with a verb that means a standard method's. */
import type { GovernanceRule } from "../rule.js";
import { defineMethodRule } from "./method-rules.js";

/** `wordBoundary`: the synonym must end a word (`Settle` is not `Set`); `except`: a method name left alone. */
export function synonymsRule(
  aip: number,
  standard: string,
  synonyms: readonly string[],
  wordBoundary: boolean,
  except?: string,
): GovernanceRule {
  return defineMethodRule({
    aip,
    name: "synonyms",
    description: `Methods named ${synonyms.map((s) => `\`${s}...\``).join(", ")} are ${standard} methods, named \`${standard}...\`.`,
    rationale: "Standard methods are recognised by their verb; a synonym hides a standard method from clients and tooling.",
    only: (m) => m.name !== except,
    lint: (m) => {
      const syn = synonyms.find(
        (s) => m.name.startsWith(s) && (!wordBoundary || m.name.length === s.length || /[A-Z]/.test(m.name[s.length] ?? "")),
      );
      return syn ? { message: `"${syn}" can be a synonym for "${standard}". Should this be a ${standard} method?`, at: "name" } : undefined;
    },
  });
}

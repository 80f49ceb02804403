/**
 * Every rule, loaded statically: for what lists or serves all of them at once
 * (the published buf plugin, the accuracy bench). A protogov run loads the AIP
 * pack only when its config names it (registry.ts `rulesFor`).
 */
import { aipRules } from "./aip/pack.js";
import { coreRules } from "./registry.js";
import type { GovernanceRule } from "./rule.js";

export const everyRule: readonly GovernanceRule[] = [...coreRules, ...aipRules];

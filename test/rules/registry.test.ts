/**
 * The rule registry's two halves: the core rules every run loads and the AIP
 * pack loaded on demand, and the cheap list of names (rule-ids.ts) that a
 * run consults before the rules themselves are loaded.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { aipRules } from "../../core/engines/rules/aip/pack.js";
import { everyRule } from "../../core/engines/rules/every-rule.js";
import { coreRules, rulesFor } from "../../core/engines/rules/registry.js";
import { CORE_RULE_IDS, isProtogovRuleId } from "../../core/engines/rules/rule-ids.js";
import { defaultConfig } from "../../core/model/config/protogov-config.js";

describe("rule registry", () => {
  it("rule-ids.ts lists exactly the core rules", () => {
    assert.deepEqual([...CORE_RULE_IDS].sort(), coreRules.map((r) => r.id).sort());
  });

  it("every AIP rule answers to the AIP names; no core rule does", () => {
    for (const r of aipRules) assert.ok(r.id.startsWith("AIP_") && isProtogovRuleId(r.id), r.id);
    for (const r of coreRules) assert.ok(!r.id.startsWith("AIP"), r.id);
    assert.equal(new Set(everyRule.map((r) => r.id)).size, everyRule.length, "rule ids are unique");
    assert.ok(!isProtogovRuleId("FIELD_LOWER_SNAKE_CASE"), "buf's ids stay buf's");
  });

  it("a config that names no AIP rule gets the core rules; one that does gets the pack too", async () => {
    const plain = defaultConfig();
    assert.equal(await rulesFor(plain), coreRules);
    const byGroup = defaultConfig();
    byGroup.lint.rules["AIP_0140"] = { severity: "error", options: {} };
    assert.equal((await rulesFor(byGroup)).length, coreRules.length + aipRules.length);
    const byUse = defaultConfig();
    byUse.lint.use.push("AIP");
    assert.equal((await rulesFor(byUse)).length, everyRule.length);
  });
});

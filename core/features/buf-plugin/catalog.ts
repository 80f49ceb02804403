/**
 * What `buf-plugin-protogov` declares to buf: every governance rule as a lint
 * rule, and the error-catalog changes that break clients as breaking rules.
 * buf.yaml selects them by id or category (`use: [PROTOGOV]`, `use: [AIP_0140]`);
 * a rule that is off by default in protogov is off by default in buf too.
 *
 * Categories are prefixed (`PROTOGOV_ERRORS`, not `ERRORS`) because buf keeps
 * one namespace for its own categories and every plugin's, and buf's breaking
 * category `FILE` would clash with protogov's `FILE`.
 */
import { CHANGE_RULES, type ChangeRuleId } from "../../engines/diff/classification.js";
import type { PluginCategory, PluginRule } from "../../engines/lint/buf-check-plugin/protocol.js";
import { everyRule } from "../../engines/rules/every-rule.js";
import type { GovernanceRule } from "../../engines/rules/rule.js";
import { aipGroup } from "../../engines/rules/rule-ids.js";

export const PROTOGOV_CATEGORY = "PROTOGOV";
export const ERROR_CATALOG_CATEGORY = "PROTOGOV_ERROR_CATALOG";

/** The error-catalog changes buf breaking reports: the ones protogov classifies as breaking. */
export const BREAKING_ERROR_RULES: readonly ChangeRuleId[] = (Object.keys(CHANGE_RULES) as ChangeRuleId[]).filter(
  (id) => id.startsWith("ERROR_") && CHANGE_RULES[id].classification === "breaking",
);

/**
 * `PROTOGOV` holds the rules protogov runs by default; a rule that is off by
 * default (it needs configuration first) is only in its own category, as
 * buf's COMMENTS rules are not in STANDARD.
 */
export function categoriesOf(rule: GovernanceRule): string[] {
  if (rule.aip !== undefined) return ["AIP", aipGroup(rule.aip)];
  const own = `${PROTOGOV_CATEGORY}_${rule.category}`;
  return rule.defaultSeverity === "off" ? [own] : [PROTOGOV_CATEGORY, own];
}

export function pluginRules(): PluginRule[] {
  const lint = everyRule.map(
    (r): PluginRule => ({
      id: r.id,
      categoryIds: categoriesOf(r),
      purpose: r.aip === undefined ? r.description : `${r.description} (https://google.aip.dev/${r.aip})`,
      default: r.defaultSeverity !== "off",
    }),
  );
  const breaking = BREAKING_ERROR_RULES.map(
    (id): PluginRule => ({
      id,
      categoryIds: [ERROR_CATALOG_CATEGORY],
      purpose: `Reports when ${CHANGE_RULES[id].description.replace(/^an? /, "an ")}.`,
      type: "breaking",
    }),
  );
  return [...lint, ...breaking];
}

export function pluginCategories(): PluginCategory[] {
  const ids = new Set<string>();
  for (const r of everyRule) for (const c of categoriesOf(r)) ids.add(c);
  const purpose = (id: string): string => {
    if (id === PROTOGOV_CATEGORY) return "protogov's governance rules.";
    if (id === "AIP") return "Google's API Improvement Proposals (protogov's AIP rule pack).";
    if (id.startsWith("AIP_")) return `AIP-${Number(id.slice(4))}: https://google.aip.dev/${Number(id.slice(4))}`;
    return `protogov's ${id.slice(PROTOGOV_CATEGORY.length + 1).toLowerCase()} rules.`;
  };
  return [
    ...[...ids].map((id) => ({ id, purpose: purpose(id) })),
    { id: ERROR_CATALOG_CATEGORY, purpose: "Changes to an error catalog that break clients (protogov's API diff)." },
  ];
}

/**
 * Checks every rule id and category named in protogov.yaml against the rules
 * that exist (buf's, listed by the buf binary itself, and protogov's), so a
 * misspelt id is an error with its line and a "did you mean", not a silently
 * ignored setting or a buf failure without a location.
 */
import { relative } from "node:path";
import { bufRuleList } from "../../engines/buf/buf-rule-lists.js";
import { CHANGE_RULES, DEPRECATE_BEFORE_REMOVE } from "../../engines/diff/classification.js";
import { loadAipPack } from "../../engines/rules/aip/load-pack.js";
import { aipGroup, CORE_RULE_IDS, configNamesAip } from "../../engines/rules/rule-ids.js";
import { didYouMean } from "../../model/config/did-you-mean.js";
import type { LoadedConfig } from "../../model/config/protogov-config.js";
import { ConfigError } from "../../model/errors.js";

export async function validateRuleIds(loaded: LoadedConfig): Promise<void> {
  if (!loaded.file) return; // zero config names no rules
  const { lint, breaking } = loaded.config;
  // Breaking settings taken from a v1 buf.yaml name v1 rule ids (FIELD_SAME_LABEL), which buf checks itself.
  const [bufLint, bufBreaking] = await Promise.all([
    bufRuleList("lint", "v2", loaded.root),
    bufRuleList("breaking", breaking.bufVersion === "v1beta1" ? "v1beta1" : breaking.bufVersion === "v1" ? "v1" : "v2", loaded.root),
  ]);
  // The AIP pack (loaded only when the config names it) is also switched on as a whole (AIP) or per AIP (AIP_0140).
  const aip = configNamesAip(lint) ? await loadAipPack() : [];
  const aipGroups = aip.flatMap((r) => (r.aip === undefined ? [] : [aipGroup(r.aip)]));
  const ours = [...CORE_RULE_IDS, ...aip.map((r) => r.id), ...(aipGroups.length > 0 ? ["AIP", ...new Set(aipGroups)] : [])];
  const lintRuleIds = [...bufLint.ids, ...ours, "COMPILE", "FORMAT"];
  const breakingRuleIds = [...bufBreaking.ids, ...Object.keys(CHANGE_RULES), DEPRECATE_BEFORE_REMOVE];
  const problems: string[] = [];
  const check = (keyPath: string, id: string, valid: readonly string[], what: string): void => {
    if (valid.includes(id)) return;
    const line = loaded.lineOf(keyPath);
    const where = `${relative(process.cwd(), loaded.file ?? "") || loaded.file}${line ? `:${line}` : ""}`;
    const guess = didYouMean(id, valid);
    problems.push(`  ${where}: ${keyPath}: unknown ${what} "${id}"${guess ? ` (did you mean "${guess}"?)` : ""}`);
  };
  const compile = lint.rules["COMPILE"]?.severity;
  if ((compile !== undefined && compile !== "error") || lint.except.includes("COMPILE")) {
    const line = loaded.lineOf(compile !== undefined ? "lint.rules.COMPILE" : "lint.except");
    const where = `${relative(process.cwd(), loaded.file ?? "") || loaded.file}${line ? `:${line}` : ""}`;
    problems.push(`  ${where}: COMPILE cannot be switched off or lowered: nothing else can be checked in a file that does not compile`);
  }
  const lintNames = [...lintRuleIds, ...bufLint.categories];
  for (const id of lint.use) check("lint.use", id, lintNames, "lint rule or category");
  for (const id of lint.except) check("lint.except", id, lintNames, "lint rule or category");
  for (const id of Object.keys(lint.rules)) check(`lint.rules.${id}`, id, lintRuleIds, "lint rule");
  for (const id of Object.keys(lint.ignoreOnly)) check(`lint.ignore_only.${id}`, id, lintRuleIds, "lint rule");
  const breakingNames = [...bufBreaking.ids, ...bufBreaking.categories];
  for (const id of breaking.use) check("breaking.use", id, breakingNames, "breaking rule or category");
  for (const id of breaking.except) check("breaking.except", id, breakingNames, "breaking rule or category");
  for (const a of breaking.accept) check("breaking.accept", a.rule, [...breakingRuleIds, "*"], "breaking rule");
  if (problems.length > 0) {
    throw new ConfigError(`${relative(process.cwd(), loaded.file) || loaded.file} names rules that do not exist:\n${problems.join("\n")}`, {
      hint: "buf's rules: `npx buf config ls-lint-rules` / `ls-breaking-rules`; protogov's: see Governance rules in the README",
    });
  }
}

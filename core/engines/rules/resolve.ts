/**
 * Turns `lint.rules` from protogov.yaml into the active rule list: severity
 * (a rule that is off by default is switched on by giving it options), and
 * options checked against each rule's declared types with the config line.
 */
import { relative } from "node:path";
import { didYouMean } from "../../model/config/did-you-mean.js";
import type { ProtogovConfig } from "../../model/config/protogov-config.js";
import { ConfigError } from "../../model/errors.js";
import type { GovernanceRule, OptionType } from "./rule.js";
import { aipGroup } from "./rule-ids.js";

export interface ActiveRule {
  rule: GovernanceRule;
  severity: "error" | "warn";
  options: Record<string, unknown>;
}

export function resolveRules(
  config: ProtogovConfig,
  lineOf: (keyPath: string) => number | undefined,
  configFile: string | undefined,
  rules: readonly GovernanceRule[],
): ActiveRule[] {
  const active: ActiveRule[] = [];
  for (const rule of rules) {
    const setting = config.lint.rules[rule.id] ?? groupSetting(config, rule);
    const hasOptions = setting !== undefined && Object.keys(setting.options).length > 0;
    const severity = setting?.severity ?? (hasOptions && rule.defaultSeverity === "off" ? "error" : rule.defaultSeverity);
    const options: Record<string, unknown> = {};
    for (const [key, spec] of Object.entries(rule.options ?? {})) options[key] = spec.default;
    for (const [key, value] of Object.entries(setting?.options ?? {})) {
      const spec = rule.options?.[key];
      const keyPath = `lint.rules.${rule.id}.${key}`;
      const where = configLocation(configFile, lineOf(keyPath));
      if (!spec) {
        const valid = Object.keys(rule.options ?? {});
        const guess = didYouMean(key, valid);
        throw new ConfigError(
          `${where}: ${keyPath}: unknown option "${key}" for rule ${rule.id}${guess ? ` (did you mean "${guess}"?)` : ""}`,
          {
            hint: valid.length ? `valid options: severity, ${valid.join(", ")}` : "this rule only takes severity",
            ...location(configFile, lineOf(keyPath)),
          },
        );
      }
      if (!matchesType(value, spec.type)) {
        throw new ConfigError(`${where}: ${keyPath}: expected ${describeType(spec.type)}, found ${JSON.stringify(value)}`, {
          hint: spec.description,
          ...location(configFile, lineOf(keyPath)),
        });
      }
      const bad = spec.values ? (Array.isArray(value) ? value : [value]).find((v) => !spec.values?.includes(v as string)) : undefined;
      if (bad !== undefined) {
        const guess = didYouMean(String(bad), spec.values ?? []);
        throw new ConfigError(
          `${where}: ${keyPath}: unknown value ${JSON.stringify(bad)}${guess ? ` (did you mean "${guess}"?)` : ""}; valid values: ${spec.values?.join(", ")}`,
          { hint: spec.description, ...location(configFile, lineOf(keyPath)) },
        );
      }
      options[key] = value;
    }
    if (severity !== "off" && !config.lint.except.includes(rule.id)) active.push({ rule, severity, options });
  }
  return active;
}

/**
 * The AIP pack is switched on as a whole (`lint.rules.AIP`) or per AIP
 * (`lint.rules.AIP_0140`); a rule's own entry wins over both.
 */
function groupSetting(config: ProtogovConfig, rule: GovernanceRule) {
  if (rule.aip === undefined) return undefined;
  return config.lint.rules[aipGroup(rule.aip)] ?? config.lint.rules.AIP;
}

function location(file: string | undefined, line: number | undefined): { location?: { file: string; line?: number } } {
  if (!file) return {};
  const shown = relative(process.cwd(), file) || file;
  return { location: line === undefined ? { file: shown } : { file: shown, line } };
}

function configLocation(file: string | undefined, line: number | undefined): string {
  const name = file ? relative(process.cwd(), file) || file : "protogov.yaml";
  return line === undefined ? name : `${name}:${line}`;
}

function matchesType(value: unknown, type: OptionType): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "number":
      return typeof value === "number";
    case "string[]":
      return Array.isArray(value) && value.every((v) => typeof v === "string");
  }
}

function describeType(type: OptionType): string {
  return type === "string[]" ? "a list of strings" : `a ${type}`;
}

/**
 * buf.yaml `plugins[].options` of `buf-plugin-protogov` → a protogov config.
 * buf option values are scalars or lists (no maps), so maps are lists of
 * `key=value` strings:
 *
 *   config: protogov.yaml                     # a whole protogov.yaml (relative to where buf runs)
 *   owners: ["acme.users=@users-team"]
 *   error_ranges: ["users.acme.example=10001-19999"]
 *   severity: ["PACKAGE_OWNER=warn"]          # error | warn | off; buf has no warnings, so a
 *                                             # warn finding is reported with "warning:" in front
 *   rule_options: ["FILE_HEADER.pattern=Copyright"]
 *
 * Which rules run is buf's choice (buf.yaml `use`/`except`, sent as rule ids).
 * A wrong option is a ConfigError naming the option, which buf prints.
 */

import type { OptionValue } from "../../engines/lint/buf-check-plugin/protocol.js";
import { everyRule } from "../../engines/rules/every-rule.js";
import { loadConfig } from "../../model/config/load.js";
import { defaultConfig, type ProtogovConfig, type SeveritySetting } from "../../model/config/protogov-config.js";
import { ConfigError } from "../../model/errors.js";

const KEYS = ["config", "owners", "error_ranges", "severity", "rule_options"] as const;

export function configFromOptions(options: ReadonlyMap<string, OptionValue>, ruleIds: readonly string[]): ProtogovConfig {
  for (const key of options.keys()) {
    if (!(KEYS as readonly string[]).includes(key)) {
      throw new ConfigError(`buf-plugin-protogov: unknown option "${key}"`, { hint: `valid options: ${KEYS.join(", ")}` });
    }
  }
  const configFile = options.get("config");
  const config =
    configFile === undefined ? defaultConfig() : loadConfig({ startDir: process.cwd(), configFile: asString("config", configFile) }).config;
  for (const [key, value] of pairs(options, "owners")) config.owners[key] = value;
  for (const [domain, range] of pairs(options, "error_ranges")) {
    const m = /^(\d+)-(\d+)$/.exec(range);
    if (!m) throw optionError("error_ranges", `${domain}=${range}`, "DOMAIN=MIN-MAX, e.g. users.acme.example=10001-19999");
    config.errorRanges[domain] = { min: Number(m[1]), max: Number(m[2]) };
  }
  const severities = new Map<string, SeveritySetting>();
  for (const [id, severity] of pairs(options, "severity")) {
    if (severity !== "error" && severity !== "warn" && severity !== "off")
      throw optionError("severity", `${id}=${severity}`, "RULE_ID=error|warn|off");
    severities.set(knownRule("severity", id), severity);
  }
  const ruleOptions = new Map<string, Record<string, unknown>>();
  for (const [key, value] of pairs(options, "rule_options")) {
    const dot = key.lastIndexOf(".");
    if (dot < 0) throw optionError("rule_options", `${key}=${value}`, "RULE_ID.option=value");
    const id = knownRule("rule_options", key.slice(0, dot));
    const opts = ruleOptions.get(id) ?? {};
    opts[key.slice(dot + 1)] = parseScalar(value);
    ruleOptions.set(id, opts);
  }
  // buf decides which rules run; protogov's severities and options still apply to them.
  const selected = new Set(ruleIds.length > 0 ? ruleIds : everyRule.filter((r) => r.defaultSeverity !== "off").map((r) => r.id));
  for (const rule of everyRule) {
    const setting = config.lint.rules[rule.id] ?? { options: {} };
    const severity = severities.get(rule.id) ?? setting.severity;
    config.lint.rules[rule.id] = {
      severity: selected.has(rule.id) ? (severity ?? "error") : "off",
      options: { ...setting.options, ...ruleOptions.get(rule.id) },
    };
  }
  return config;
}

function pairs(options: ReadonlyMap<string, OptionValue>, key: string): [string, string][] {
  const value = options.get(key);
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => {
    const s = asString(key, item);
    const eq = s.indexOf("=");
    if (eq <= 0) throw optionError(key, s, "KEY=VALUE");
    return [s.slice(0, eq).trim(), s.slice(eq + 1).trim()];
  });
}

function asString(key: string, value: OptionValue): string {
  if (typeof value !== "string") throw optionError(key, String(value), "a string");
  return value;
}

function knownRule(key: string, id: string): string {
  if (!everyRule.some((r) => r.id === id)) throw optionError(key, id, "a protogov rule id (see the README's rule table)");
  return id;
}

function parseScalar(value: string): unknown {
  if (value === "true" || value === "false") return value === "true";
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (value.includes(",")) return value.split(",").map((v) => v.trim());
  return value;
}

function optionError(key: string, value: string, expected: string): ConfigError {
  return new ConfigError(`buf-plugin-protogov: option ${key}: "${value}" is not ${expected}`, {
    hint: "see the buf.yaml snippet in protogov's README",
  });
}

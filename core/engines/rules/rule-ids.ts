/**
 * The names of protogov's rules without the rules themselves: what a run
 * needs before its checks start (which ids buf must not be given, which
 * names the config may use), cheap to load. The rule modules pull in
 * protobuf-es and the error model; the pre-commit hook loads them while buf
 * is already compiling (see pipeline/checks.ts). test/rules/registry.test.ts
 * keeps this list equal to registry.ts's rules.
 */

export const CORE_RULE_IDS: readonly string[] = [
  "PACKAGE_VERSION_POLICY",
  "FILE_HEADER",
  "PACKAGE_OWNER",
  "IMPORT_NO_CROSS_VERSION",
  "ERROR_VALUE_ANNOTATED",
  "ERROR_DOMAIN",
  "ERROR_CODE_VALID",
  "ERROR_REASON_FORMAT",
  "ERROR_REASON_UNIQUE",
  "ERROR_NUMBER_UNIQUE",
  "ERROR_NUMBER_RANGE",
  "ERROR_TEMPLATE_PARAMS",
];

/** `AIP`, `AIP_0140` or an AIP rule's id (`AIP_0140_LOWER_SNAKE`): the names the AIP pack answers to. */
export function namesAipRule(id: string): boolean {
  return id === "AIP" || id.startsWith("AIP_");
}

/** One of protogov's own rule ids (or AIP names), which buf must never be given. */
export function isProtogovRuleId(id: string): boolean {
  return namesAipRule(id) || CORE_RULE_IDS.includes(id);
}

/** `AIP_0140`: the key (protogov.yaml) and buf category of one AIP's rules. */
export function aipGroup(aip: number): string {
  return `AIP_${String(aip).padStart(4, "0")}`;
}

/** Whether the config names the AIP pack anywhere (it is off by default, so otherwise it never runs). */
export function configNamesAip(lint: {
  rules: Record<string, unknown>;
  use: readonly string[];
  except: readonly string[];
  ignoreOnly: Record<string, unknown>;
}): boolean {
  return [...Object.keys(lint.rules), ...lint.use, ...lint.except, ...Object.keys(lint.ignoreOnly)].some(namesAipRule);
}

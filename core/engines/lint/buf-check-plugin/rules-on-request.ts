/**
 * The governance rules on the files of buf's CheckRequest: what the plugin's
 * `check` call does, whether in its own Node process (check-main.ts) or
 * served by the protogov run that started buf (install.ts, served mode).
 */
import type { Finding } from "../../../model/findings/finding.js";
import { scanFileHeader } from "../../compile/image-bytes.js";
import { imageFileOf } from "../../compile/image-reader.js";
import { runGovernanceRules, typesOf } from "../../rules/engine.js";
import type { GovernanceRule } from "../../rules/rule.js";
import type { RulesInput } from "../../rules/rules-input.js";
import { checkRequestFiles } from "./protocol.js";

export function rulesOnRequest(request: Uint8Array, input: RulesInput, rules: readonly GovernanceRule[]): Finding[] {
  const checked = [...checkRequestFiles(request)];
  // buf does not send the files in dependency order: index every file's package first.
  const packages = new Map<string, string>();
  for (const f of checked) {
    const { name, pkg } = scanFileHeader(f.proto);
    packages.set(name, pkg);
  }
  const files = checked.map((f) => imageFileOf(f.proto, f.isImport));
  return runGovernanceRules(files, input, rules, packages, typesOf(files));
}

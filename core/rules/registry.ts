/** Every governance rule protogov ships. Later features add their rules here. */
import fileHeader from "./governance/file-header.js";
import importNoCrossVersion from "./governance/import-no-cross-version.js";
import packageOwner from "./governance/package-owner.js";
import packageVersionPolicy from "./governance/package-version-policy.js";
import type { GovernanceRule } from "./rule.js";

export const governanceRules: readonly GovernanceRule[] = [packageVersionPolicy, fileHeader, packageOwner, importNoCrossVersion];

export function findRule(id: string): GovernanceRule | undefined {
  return governanceRules.find((r) => r.id === id);
}

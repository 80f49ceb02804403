/** Every governance rule protogov ships. Later features add their rules here. */
import errorCodeValid from "./governance/error-code-valid.js";
import errorDomain from "./governance/error-domain.js";
import errorNumberRange from "./governance/error-number-range.js";
import errorNumberUnique from "./governance/error-number-unique.js";
import errorReasonFormat from "./governance/error-reason-format.js";
import errorReasonUnique from "./governance/error-reason-unique.js";
import errorTemplateParams from "./governance/error-template-params.js";
import errorValueAnnotated from "./governance/error-value-annotated.js";
import fileHeader from "./governance/file-header.js";
import importNoCrossVersion from "./governance/import-no-cross-version.js";
import packageOwner from "./governance/package-owner.js";
import packageVersionPolicy from "./governance/package-version-policy.js";
import type { GovernanceRule } from "./rule.js";

export const governanceRules: readonly GovernanceRule[] = [
  packageVersionPolicy,
  fileHeader,
  packageOwner,
  importNoCrossVersion,
  errorValueAnnotated,
  errorDomain,
  errorCodeValid,
  errorReasonFormat,
  errorReasonUnique,
  errorNumberUnique,
  errorNumberRange,
  errorTemplateParams,
];

export function findRule(id: string): GovernanceRule | undefined {
  return governanceRules.find((r) => r.id === id);
}

/**
 * Every governance rule protogov ships. The core rules load with this module;
 * the AIP pack (over a hundred modules) loads only for a configuration that
 * names an AIP rule or group, since it is off by default (see aip/pack.ts).
 */

import type { ProtogovConfig } from "../../model/config/protogov-config.js";
import { loadAipPack } from "./aip/load-pack.js";
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
import { configNamesAip } from "./rule-ids.js";

/** The rules of every run: error catalog, versions, owners, imports, headers. */
export const coreRules: readonly GovernanceRule[] = [
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

/** Every rule, the AIP pack included, loaded on demand (rule descriptions for SARIF reports); the buf plugin, which always needs them all, imports every-rule.ts instead. */
export async function allRules(): Promise<readonly GovernanceRule[]> {
  return [...coreRules, ...(await loadAipPack())];
}

/** The rules a run under `config` can switch on: the AIP pack only when the config names it. */
export async function rulesFor(config: ProtogovConfig): Promise<readonly GovernanceRule[]> {
  return configNamesAip(config.lint) ? allRules() : coreRules;
}

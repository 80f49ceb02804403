/** Every governance rule protogov ships. Later features add their rules here. */

import aip0122NameSuffix from "./aip/aip-0122-name-suffix.js";
import aip0126Unspecified from "./aip/aip-0126-unspecified.js";
import aip0131RequestMessageName from "./aip/aip-0131-request-message-name.js";
import aip0132RequestMessageName from "./aip/aip-0132-request-message-name.js";
import aip0133RequestMessageName from "./aip/aip-0133-request-message-name.js";
import aip0134RequestMessageName from "./aip/aip-0134-request-message-name.js";
import aip0135RequestMessageName from "./aip/aip-0135-request-message-name.js";
import aip0140LowerSnake from "./aip/aip-0140-lower-snake.js";
import aip0140Numbers from "./aip/aip-0140-numbers.js";
import aip0140Underscores from "./aip/aip-0140-underscores.js";
import aip0191JavaPackage from "./aip/aip-0191-java-package.js";
import aip0192DeprecatedComment from "./aip/aip-0192-deprecated-comment.js";
import aip0192HasComments from "./aip/aip-0192-has-comments.js";
import aip0192NoHtml from "./aip/aip-0192-no-html.js";
import aip0215VersionedPackages from "./aip/aip-0215-versioned-packages.js";
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
  // The AIP pack (category AIP, off by default; core/engines/rules/aip/, measured in ACCURACY.md).
  aip0122NameSuffix,
  aip0126Unspecified,
  aip0131RequestMessageName,
  aip0132RequestMessageName,
  aip0133RequestMessageName,
  aip0134RequestMessageName,
  aip0135RequestMessageName,
  aip0140LowerSnake,
  aip0140Numbers,
  aip0140Underscores,
  aip0191JavaPackage,
  aip0192DeprecatedComment,
  aip0192HasComments,
  aip0192NoHtml,
  aip0215VersionedPackages,
];

export function findRule(id: string): GovernanceRule | undefined {
  return governanceRules.find((r) => r.id === id);
}

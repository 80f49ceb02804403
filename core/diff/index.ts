/**
 * The API diff engine's public surface. Pure: images or registries in,
 * classified changes, a semver bump and a changelog out; no IO.
 */

export { isImportFile } from "../compile/image-extension.js";
export { applyAcceptance } from "./accept.js";
export { BUILTIN_OPTION_CLASSIFICATIONS } from "./builtin-options.js";
export { CHANGE_RULES, type ChangeRule, type ChangeRuleId, CLASSIFICATIONS, moreSevere } from "./classification.js";
export { CUSTOM_OPTION_DEFAULTS, type CustomOptionDefault, DEFAULT_UNKNOWN_OPTION_CLASSIFICATION } from "./custom-option-defaults.js";
export { diffApis } from "./diff-apis.js";
export { diffImages, type ImageDiffStats, scanImage } from "./diff-images.js";
export { moduleFiles, registryFromImage } from "./image.js";
export { CHANGELOG_FORMATS, type ChangelogFormat, countChanges, groupChanges, renderChangelog } from "./render-changelog.js";
export { changeBump, DEFAULT_SEMVER_POLICY, type PackageStability, packageStability, type SemverPolicy, semverBump } from "./semver.js";
export { type ClassificationRow, classificationTable } from "./table.js";
export type * from "./types.js";

/**
 * The API diff: every added, removed and changed element between two
 * descriptor sets, each classified by its effect on consumers.
 */

/** What a change means for consumers; drives the semver bump. */
export type Classification = "breaking" | "feature" | "docs" | "internal";

export type ElementKind =
  | "file"
  | "package"
  | "message"
  | "field"
  | "oneof"
  | "enum"
  | "enum_value"
  | "service"
  | "method"
  | "extension"
  | "reserved_range"
  | "reserved_name"
  | "extension_range"
  | "error";

export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

export interface ApiChange {
  /** Stable id of the kind of change, e.g. FIELD_REMOVED, FIELD_TYPE_CHANGED, OPTION_CHANGED. */
  rule: string;
  kind: "added" | "removed" | "changed";
  element: ElementKind;
  /** Full name of the element (`pkg.Message.field`), or the file path for files. */
  name: string;
  /** What changed, for `changed`: "type", "number", "label", "json_name", "comment", "option:google.api.http"... */
  aspect?: string;
  before?: string;
  after?: string;
  classification: Classification;
  /** Conventional-commit tag, as Google's detector assigns it (commit-tags.ts): feat!, fix!, feat, fix, docs, chore. */
  tag?: "feat!" | "fix!" | "feat" | "fix" | "docs" | "chore";
  /** Protobuf package of the element (the file's package for files); groups the changelog. */
  package?: string;
  /** One changelog line, e.g. "A new field `x` is added to message `pkg.M`." */
  message: string;
  /** Where the element was (old tree) and is (new tree). */
  old?: SourcePosition;
  new?: SourcePosition;
  /** Set when a deliberate break was accepted (config or `// protogov:allow-breaking RULE reason`). */
  accepted?: { reason: string; via: "config" | "comment" };
}

export type SemverBump = "major" | "minor" | "patch" | "none";

/** Maps an image file name (`acme/users/v1/users.proto`) to a project-relative path for positions. */
export type PathMapper = (imageFileName: string) => string;

/** A deliberate break accepted in config (protogov.yaml `breaking.accept`; see accept-breaks.ts). */
import type { AcceptedBreak } from "../../model/config/protogov-config.js";

export type { AcceptedBreak };

export interface DiffOptions {
  /**
   * Which image files to compare (image file names). Default: the files that are not
   * imports in either image (buf's ImageFileExtension.is_import).
   */
  files?: (fileName: string) => boolean;
  /**
   * Classification per option full name, overriding the defaults: custom options by
   * extension name (`google.api.http`), built-in ones by options message and field
   * (`google.protobuf.FileOptions.go_package`).
   */
  optionClassifications?: Readonly<Record<string, Classification>>;
  /**
   * Classification per rule id (`ERROR_RETRY_CHANGED: breaking`), overriding CHANGE_RULES.
   * Option changes are classified per option (`optionClassifications`), not by these.
   */
  ruleClassifications?: Readonly<Record<string, Classification>>;
  /** Classification of custom options that are neither in the defaults nor configured. Default "breaking". */
  unknownOptionClassification?: Classification;
  /** Image file name -> project-relative path. Default: identity. */
  pathOf?: PathMapper;
  /** Separate mapper for the old tree, when the base lives elsewhere. Default: `pathOf`. */
  oldPathOf?: PathMapper;
  /**
   * Every package of each tree, when the registries hold only part of it (diffImages
   * decodes only changed files and their imports). Default: the packages of the registries' files.
   */
  packages?: { before: ReadonlySet<string>; after: ReadonlySet<string> };
  /** Deliberate breaks accepted in config. `// protogov:allow-breaking RULE reason` comments are always read. */
  accept?: readonly AcceptedBreak[];
}

export interface ApiDiff {
  changes: ApiChange[];
  bump: SemverBump;
}

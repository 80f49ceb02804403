/** The resolved protogov.yaml, with every default filled in. */
import { DEFAULT_STABILITY, type StabilityWords } from "./stability.js";
import type { TargetConfig } from "./target-config.js";

export type SeveritySetting = "error" | "warn" | "off";

export interface RuleSetting {
  severity?: SeveritySetting;
  /** Rule-specific options, validated against the rule's own schema. */
  options: Record<string, unknown>;
}

export interface ModuleConfig {
  /** Directory relative to the project root; "." for the root itself. */
  path: string;
  /** Directories or files (relative to the module) left out of the build. */
  excludes: string[];
}

export interface LintConfig {
  /** buf lint categories and rules to use. */
  use: string[];
  /** buf lint categories and rules to leave out. */
  except: string[];
  /** Severity and options per rule id (buf's and protogov's). */
  rules: Record<string, RuleSetting>;
  /** Paths (relative to the project root) whose findings are dropped. */
  ignore: string[];
  /** Per rule id, paths whose findings of that rule are dropped. */
  ignoreOnly: Record<string, string[]>;
  /** buf's own lint rule options from buf.yaml (enum_zero_value_suffix, ...), passed to buf unchanged. */
  bufOptions?: Record<string, unknown>;
  /** Whether `buf:lint:ignore` comments count (buf.yaml: v1 allow_comment_ignores, v2 disallow_comment_ignores). */
  commentIgnores?: boolean;
}

export interface AcceptedBreak {
  /** Rule id (buf's, e.g. FIELD_NO_DELETE, or protogov's diff rule, e.g. ERROR_NUMBER_CHANGED). */
  rule: string;
  /** Limit to findings in this project-relative path (file or directory). */
  path?: string | undefined;
  /** Limit to changes whose message or element name contains this text. */
  name?: string | undefined;
  reason: string;
}

export interface BreakingConfig {
  use: string[];
  except: string[];
  /** Project-relative paths whose breaking findings are dropped (buf.yaml breaking.ignore). */
  ignore?: string[];
  /** Per rule id, paths whose breaking findings of that rule are dropped. */
  ignoreOnly?: Record<string, string[]>;
  /** buf's ignore_unstable_packages: no breaking findings in alpha, beta and test packages. */
  ignoreUnstablePackages?: boolean;
  /** The buf.yaml version whose rule ids and categories `use`/`except` name (v1 ids differ from v2's). */
  bufVersion?: "v1beta1" | "v1" | "v2";
  /** Deliberate breaks: reported as accepted (warnings) with their reason instead of failing. */
  accept: AcceptedBreak[];
  /** Classification per option full name (`google.api.http`), overriding the defaults. */
  options: Record<string, "breaking" | "feature" | "docs" | "internal">;
  /** Bump implied by a breaking change in alpha / beta packages. */
  semver: { alpha?: "major" | "minor" | "patch"; beta?: "major" | "minor" | "patch" };
  /**
   * Opt-in: a field, value, method, message, enum or service may be removed only when a release
   * tag (matching `tags`, default `v*`) marked it deprecated at least `days` before HEAD's commit
   * date and in at least `releases` releases (default 1).
   */
  deprecateBeforeRemove?: { days?: number; releases?: number; tags?: string };
}

export interface ProtogovConfig {
  version: 1;
  modules: ModuleConfig[];
  lint: LintConfig;
  breaking: BreakingConfig;
  /** Package prefix -> owner (team, GitHub handle); used by PACKAGE_OWNER and docs. */
  owners: Record<string, string>;
  /** Version words per stability level (see stability.ts). */
  stability: StabilityWords;
  /** Error domain -> allocated number range, used by the error-number rules. */
  errorRanges: Record<string, { min: number; max: number }>;
  /** What `protogov generate` / `publish` build and where they go (see core/features/generate). */
  targets: TargetConfig[];
  /** The baseline file, relative to the project root (default protogov.baseline.json; features/baseline). */
  baseline?: string;
}

/** Where the configuration came from, for messages and relative paths. */
export interface LoadedConfig {
  config: ProtogovConfig;
  /** Sections taken from buf.yaml because protogov.yaml does not set them (for the report and messages). */
  fromBufYaml?: ("lint" | "breaking")[];
  /** Absolute path of protogov.yaml, or undefined under zero config. */
  file: string | undefined;
  /** Absolute project root: the directory holding protogov.yaml, buf.yaml, or the input directory. */
  root: string;
  /** Where the module layout came from. */
  layoutSource: "protogov.yaml" | "buf.yaml" | "buf.work.yaml" | "default";
  /** Line of a dotted key path in protogov.yaml (for errors found after validation). */
  lineOf: (keyPath: string) => number | undefined;
}

export const DEFAULT_LINT_USE = ["STANDARD", "COMMENTS"];

/** Findings protogov reports itself (not rules of buf's or governance rules): compile errors and format diffs. */
export const PIPELINE_RULE_IDS = ["COMPILE", "FORMAT"] as const;

/** Whether protogov.yaml switches a rule off: `lint.rules.ID: off` or `lint.except: [ID]`. */
export function isSwitchedOff(lint: LintConfig, id: string): boolean {
  return lint.rules[id]?.severity === "off" || lint.except.includes(id);
}
export const DEFAULT_BREAKING_USE = ["FILE"];

export function defaultConfig(): ProtogovConfig {
  return {
    version: 1,
    modules: [{ path: ".", excludes: [] }],
    lint: { use: [...DEFAULT_LINT_USE], except: [], rules: {}, ignore: [], ignoreOnly: {} },
    breaking: { use: [...DEFAULT_BREAKING_USE], except: [], accept: [], options: {}, semver: {} },
    owners: {},
    stability: { beta: [...DEFAULT_STABILITY.beta], alpha: [...DEFAULT_STABILITY.alpha], test: [...DEFAULT_STABILITY.test] },
    errorRanges: {},
    targets: [],
  };
}

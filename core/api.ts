/**
 * protogov's programmatic API (`import { check, lint, diff } from "protogov"`): the
 * same pipeline the CLI runs, as data. Tools (editors, bots, custom CI steps)
 * get findings and the API diff without parsing the CLI's output; reporters
 * turn findings into any of the CLI's formats. Errors are the CLI's taxonomy
 * (ProtogovError subclasses with an exit code and a hint).
 */
import type { ApiChange, ApiDiff } from "./engines/diff/api-diff.js";
import { type ChangelogFormat, renderChangelog } from "./engines/diff/render-changelog.js";
import { runChecks } from "./features/pipeline/checks.js";
import type { Finding } from "./model/findings/finding.js";

export { getReporter, type ReporterName, reporterNames } from "./engines/reporters/index.js";
export { ConfigError, ExitCode, InputError, ProtogovError, ToolError, UsageError } from "./model/errors.js";
export type { Report } from "./model/findings/finding.js";
export { PROTOGOV_VERSION } from "./model/version.js";
export type { ApiChange, ApiDiff, ChangelogFormat, Finding };

export interface ApiOptions {
  /** The project directory (or any directory inside it). */
  cwd: string;
  /** protogov.yaml to use instead of searching upward from `cwd`. */
  configFile?: string | undefined;
  /** Files or directories to narrow the run to. */
  paths?: readonly string[] | undefined;
  /** The base: a git ref, a directory or a buf image; default: the base branch when one is found. */
  against?: string | undefined;
  /** Check every file instead of only those changed since the base. */
  all?: boolean | undefined;
}

export interface CheckOutcome {
  /** Every finding, sorted by file and position; `severity: "error"` ones fail a run. */
  findings: Finding[];
  /** The API diff against the base, when a base was found. */
  diff: ApiDiff | undefined;
  /** The project root every finding's `file` is relative to. */
  root: string;
}

/** `protogov check`: format, lint and (with a base) breaking changes and the API diff. */
export async function check(opts: ApiOptions): Promise<CheckOutcome> {
  const result = await runChecks({ ...opts, base: "optional" }, { format: true, lint: true, breaking: true });
  return { findings: result.findings, diff: result.diff, root: result.scope.project.root };
}

/** `protogov lint`: buf's lint rules and protogov's governance rules (no base, no format check). */
export async function lint(opts: Omit<ApiOptions, "against" | "all">): Promise<CheckOutcome> {
  const result = await runChecks({ ...opts, base: "none" }, { format: false, lint: true, breaking: false });
  return { findings: result.findings, diff: undefined, root: result.scope.project.root };
}

/** `protogov diff`: the classified API changes against a base (required) and the semver bump. */
export async function diff(opts: ApiOptions): Promise<CheckOutcome & { diff: ApiDiff }> {
  const result = await runChecks({ ...opts, base: "required" }, { format: false, lint: false, breaking: true, diffOnly: true });
  return { findings: result.findings, diff: result.diff ?? { changes: [], bump: "none" }, root: result.scope.project.root };
}

/** The changelog of a diff, as `protogov diff --format` prints it. */
export function changelog(apiDiff: ApiDiff, format: ChangelogFormat = "markdown"): string {
  return renderChangelog(apiDiff, format);
}

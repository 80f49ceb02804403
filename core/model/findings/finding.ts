/**
 * One finding type for every source: buf's compiler, buf's lint and breaking
 * rules, and protogov's own rules. Reporters only ever see this shape.
 */
export type Severity = "error" | "warn";

/** Where a finding came from: the engine that produced it. */
export type FindingSource = "buf-compile" | "buf-lint" | "buf-format" | "buf-breaking" | "protogov";

export interface Finding {
  /** Rule id, e.g. `FIELD_LOWER_SNAKE_CASE` (buf) or `PACKAGE_VERSION_SUFFIX` (protogov). */
  rule: string;
  severity: Severity;
  /** Path relative to the project root, with forward slashes. Empty for project-wide findings. */
  file: string;
  /** 1-based; 0 when unknown. */
  line: number;
  /** 1-based; 0 when unknown. */
  column: number;
  message: string;
  source: FindingSource;
  /** Optional end position, for reporters that can show ranges. */
  endLine?: number;
  endColumn?: number;
  /** How to fix it, when we know. */
  hint?: string;
  /** Extra text shown under the finding (for example a format diff). */
  detail?: string;
}

/** What a command hands to a reporter. */
export interface Report {
  /** The command that produced it, e.g. `lint`, `check`. */
  command: string;
  findings: Finding[];
  /** Project root; finding paths are relative to it. */
  root: string;
  /** Reads a line of a file for context (text reporter); undefined when unavailable. */
  sourceLine?: (file: string, line: number) => string | undefined;
  /** Rule metadata for reporters that describe rules (SARIF). */
  rules?: ReadonlyMap<string, RuleInfo>;
  /** The API change summary, when the command compared against a base. */
  api?: ApiSummary;
}

export interface ApiSummary {
  /** What the head was compared against, e.g. "main (merge-base)". */
  base: string;
  /** True when only changed files (and their packages) were checked. */
  incremental: boolean;
  filesChanged?: number | undefined;
  bump: "major" | "minor" | "patch" | "none";
  counts: { breaking: number; feature: number; docs: number; internal: number };
}

export interface RuleInfo {
  id: string;
  description: string;
  category: string;
  helpUri?: string;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.rule.localeCompare(b.rule) ||
    a.message.localeCompare(b.message)
  );
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}

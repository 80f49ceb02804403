/**
 * The reporter contract and the few helpers every reporter shares. A reporter
 * is a pure function from a Report to the text the CLI prints or writes: it
 * touches no `process`, so the runner decides where the output goes.
 */
import { createHash } from "node:crypto";
import { compareFindings, type Finding, type Report } from "../../model/findings/finding.js";

export interface ReporterOptions {
  /** Use ANSI colors (only the text reporter looks at this). */
  color: boolean;
}

export type Reporter = (report: Report, options: ReporterOptions) => string;

/**
 * Formats that need a real file for every result (GitHub code scanning rejects
 * the whole SARIF upload if one result has no location; GitLab requires
 * `location.path`) anchor project-wide findings here, at line 1: it is where a
 * project-wide setting is changed or a project-wide rule is turned off.
 */
export const PROJECT_WIDE_ANCHOR = "protogov.yaml";

/** How human-facing reporters (text, JUnit) name the group of findings that belong to no file. */
export const PROJECT_HEADING = "(project)";

export interface FindingSummary {
  errors: number;
  warnings: number;
  /** Distinct files with findings; project-wide findings (empty file) are not counted. */
  files: number;
}

export function summarize(findings: readonly Finding[]): FindingSummary {
  let errors = 0;
  let warnings = 0;
  const files = new Set<string>();
  for (const f of findings) {
    if (f.severity === "error") errors++;
    else warnings++;
    if (f.file !== "") files.add(f.file);
  }
  return { errors, warnings, files: files.size };
}

/** A sorted copy: every reporter prints findings in the same, stable order. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/** Sorted findings grouped by file; the Map keeps the sorted order of first appearance. */
export function groupByFile(sorted: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of sorted) {
    const group = groups.get(f.file);
    if (group) group.push(f);
    else groups.set(f.file, [f]);
  }
  return groups;
}

/**
 * One fingerprint per finding, for SARIF `partialFingerprints` and GitLab's
 * `fingerprint`. The hash covers rule, file and message but not the line, so a
 * finding keeps its identity when code above it moves; the occurrence number
 * keeps two identical findings in one file apart (GitLab would merge them).
 * Pass findings already sorted, so the occurrence numbers are stable.
 */
export function fingerprintFindings(sorted: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return sorted.map((f) => {
    const key = `${f.rule}\0${f.file}\0${f.message}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return createHash("sha256").update(`${key}\0${occurrence}`).digest("hex").slice(0, 32);
  });
}

/** "1 error", "3 warnings". */
export function pluralize(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** "3 errors, 1 warning in 2 files", or "No findings." */
export function summaryLine(summary: FindingSummary): string {
  const counts: string[] = [];
  if (summary.errors > 0) counts.push(pluralize(summary.errors, "error"));
  if (summary.warnings > 0) counts.push(pluralize(summary.warnings, "warning"));
  if (counts.length === 0) return "No findings.";
  const where = summary.files > 0 ? ` in ${pluralize(summary.files, "file")}` : "";
  return `${counts.join(", ")}${where}`;
}

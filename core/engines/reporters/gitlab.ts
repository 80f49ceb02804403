/**
 * GitLab Code Quality: a JSON array of Code Climate style issues, uploaded as
 * the `codequality` report of a job (`artifacts: reports: codequality:`).
 * GitLab reads only a few fields, and these are the ones it requires:
 *
 *   [{ "description", "check_name", "fingerprint", "severity",
 *      "location": { "path", "lines": { "begin" } } }]
 *
 * GitLab compares `fingerprint`s between the base and the head of a merge
 * request to tell new issues from fixed ones, and silently merges issues that
 * share one; see fingerprintFindings for how ours stay unique and stable.
 * `location.path` is relative to the repository root and `lines.begin` must be
 * a line number, so project-wide findings point at line 1 of PROJECT_WIDE_ANCHOR.
 */
import type { Finding } from "../../model/findings/finding.js";
import { fingerprintFindings, PROJECT_WIDE_ANCHOR, type Reporter, sortFindings } from "./reporter.js";

/** GitLab's severity scale, from least to most severe. */
export type GitlabSeverity = "info" | "minor" | "major" | "critical" | "blocker";

export interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: GitlabSeverity;
  location: { path: string; lines: { begin: number } };
}

/**
 * Errors fail `protogov` and so are "major"; warnings are "minor". "critical"
 * and "blocker" are left for nothing: a lint finding is rarely an outage.
 */
const severityOf: Record<Finding["severity"], GitlabSeverity> = { error: "major", warn: "minor" };

export const gitlabReporter: Reporter = (report) => {
  return `${JSON.stringify(toGitlabIssues(report.findings), null, 2)}\n`;
};

export function toGitlabIssues(findings: readonly Finding[]): GitlabIssue[] {
  const sorted = sortFindings(findings);
  const fingerprints = fingerprintFindings(sorted);
  return sorted.map((f, i) => ({
    description: describe(f),
    check_name: f.rule,
    fingerprint: fingerprints[i] ?? "",
    severity: severityOf[f.severity],
    location: {
      path: f.file === "" ? PROJECT_WIDE_ANCHOR : f.file,
      lines: { begin: f.line > 0 ? f.line : 1 },
    },
  }));
}

/**
 * The merge request widget shows the description on one line, so the hint is
 * appended in the same sentence and a multi-line detail (a diff) is left out.
 */
function describe(f: Finding): string {
  return f.hint !== undefined && f.hint !== "" ? `${f.message} (hint: ${f.hint})` : f.message;
}

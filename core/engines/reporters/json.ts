/**
 * The machine-readable reporter for scripts and our own tooling:
 *
 *   { "version": 1, "command": "lint", "summary": { "errors", "warnings", "files" }, "findings": [...] }
 *
 * `version` is the version of this output shape, not of protogov: bump it when
 * a field is renamed or removed, never when one is added. Keys come out in a
 * fixed order and findings in a stable sort, so two runs over the same tree
 * produce byte-identical files that diff cleanly.
 */
import type { ApiSummary, Finding, FindingSource, Report } from "../../model/findings/finding.js";
import { type FindingSummary, type Reporter, sortFindings, summarize } from "./reporter.js";

/** The version of the JSON shape below. */
export const JSON_REPORT_VERSION = 1;

export interface JsonFinding {
  rule: string;
  severity: "error" | "warn";
  source: FindingSource;
  /** Relative to the project root; "" for project-wide findings. */
  file: string;
  /** 1-based; 0 when unknown. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  hint?: string;
  detail?: string;
}

export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  command: string;
  summary: FindingSummary;
  findings: JsonFinding[];
  /** Present when the command compared against a base. */
  api?: ApiSummary;
}

export const jsonReporter: Reporter = (report) => {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
};

/** The document the reporter prints, as data (the CLI's own tests can use it too). */
export function toJsonReport(report: Report): JsonReport {
  const summary = summarize(report.findings);
  return {
    version: JSON_REPORT_VERSION,
    command: report.command,
    // Rebuilt rather than passed through, so the key order does not depend on
    // how summarize() happens to build its object.
    summary: { errors: summary.errors, warnings: summary.warnings, files: summary.files },
    findings: sortFindings(report.findings).map(toJsonFinding),
    ...(report.api ? { api: report.api } : {}),
  };
}

/**
 * Copies the fields one by one in a fixed order: a finding built elsewhere may
 * carry its keys in any order (or extra ones), and the output must not.
 * Optional fields are left out rather than written as null: consumers test for
 * presence, and a finding without a hint stays short.
 */
function toJsonFinding(f: Finding): JsonFinding {
  return {
    rule: f.rule,
    severity: f.severity,
    source: f.source,
    file: f.file,
    line: f.line,
    column: f.column,
    ...(f.endLine !== undefined ? { endLine: f.endLine } : {}),
    ...(f.endColumn !== undefined ? { endColumn: f.endColumn } : {}),
    message: f.message,
    ...(f.hint !== undefined ? { hint: f.hint } : {}),
    ...(f.detail !== undefined ? { detail: f.detail } : {}),
  };
}

/**
 * A Markdown summary for a pull/merge request comment or a GitHub job summary
 * (`$GITHUB_STEP_SUMMARY`): a status headline, the counts, the API summary
 * when a base was known, and a findings table capped at MAX_ROWS rows.
 *
 *   ### ❌ protogov check: 2 errors in 1 file
 *
 *   **API** since `main (merge-base)`, 1 file changed: 1 breaking change → semver **major**
 *
 *   | | Location | Rule | Message |
 *   |---|---|---|---|
 *   | ❌ | `proto/a.proto:12:3` | `FIELD_LOWER_SNAKE_CASE` | Field name "userID" should be ... |
 *
 * Everything taken from findings is escaped: table cells cannot be broken by
 * `|` or newlines, code spans cannot be closed early by backticks, and
 * Markdown or HTML in a message is shown as text, never rendered (a comment
 * body on a public PR must not pick up links or mentions from a .proto file).
 */
import type { ApiSummary, Finding } from "../../model/findings/finding.js";
import { pluralize, type Reporter, sortFindings, summarize, summaryLine } from "./reporter.js";

/** Rows shown before "… and N more": GitHub caps a comment at 65,536 characters and a job summary at 1 MiB. */
export const MAX_ROWS = 50;
/** Longest message shown in a cell, in characters; the rest is cut with an ellipsis. */
const MAX_MESSAGE = 300;

export const markdownReporter: Reporter = (report) => {
  const summary = summarize(report.findings);
  const icon = summary.errors > 0 ? "❌" : summary.warnings > 0 ? "⚠️" : "✅";
  const out = [`### ${icon} protogov ${escapeText(report.command)}: ${summaryLine(summary)}`, ""];
  if (report.api) out.push(apiParagraph(report.api), "");
  const sorted = sortFindings(report.findings);
  if (sorted.length > 0) {
    out.push("| | Location | Rule | Message |", "|---|---|---|---|");
    for (const f of sorted.slice(0, MAX_ROWS)) {
      out.push(`| ${f.severity === "error" ? "❌" : "⚠️"} | ${location(f)} | ${cell(codeSpan(f.rule))} | ${cell(message(f))} |`);
    }
    if (sorted.length > MAX_ROWS) {
      out.push(
        "",
        `… and ${pluralize(sorted.length - MAX_ROWS, "more finding")} (run \`protogov ${escapeText(report.command)}\` for all).`,
      );
    }
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
};

function apiParagraph(api: ApiSummary): string {
  const { counts } = api;
  const parts = [
    counts.breaking ? pluralize(counts.breaking, "breaking change") : "",
    counts.feature ? pluralize(counts.feature, "feature") : "",
    counts.docs ? pluralize(counts.docs, "docs change") : "",
    counts.internal ? pluralize(counts.internal, "internal change") : "",
  ].filter(Boolean);
  const scope = api.incremental ? `, ${pluralize(api.filesChanged ?? 0, "file")} changed` : "";
  return `**API** since ${codeSpan(api.base)}${scope}: ${parts.length ? parts.join(", ") : "no API changes"} → semver **${api.bump}**`;
}

function location(f: Finding): string {
  if (f.file === "") return "(project)";
  const pos = f.line > 0 ? `:${f.line}${f.column > 0 ? `:${f.column}` : ""}` : "";
  return cell(codeSpan(`${f.file}${pos}`));
}

/** The message with its hint; a multi-line detail (a format diff) is left to the full report. */
function message(f: Finding): string {
  const text = f.hint ? `${f.message} (hint: ${f.hint})` : f.message;
  const flat = text.replace(/\s*[\r\n]+\s*/g, " ");
  const cut = [...flat].length > MAX_MESSAGE ? `${[...flat].slice(0, MAX_MESSAGE - 1).join("")}…` : flat;
  return escapeText(cut);
}

/** A table cell: `|` split cells (even inside code spans, in GFM) and a newline would end the row. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ");
}

/**
 * Inline code that shows `text` verbatim: the fence is one backtick longer
 * than the longest run inside, and padded with spaces when the text starts or
 * ends with a backtick (CommonMark strips one space from each side).
 */
export function codeSpan(text: string): string {
  const flat = text.replace(/[\r\n]+/g, " ");
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") || flat === "" ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * Plain text: Markdown punctuation is backslash-escaped and HTML specials
 * become entities, so `<script>`, `[x](y)`, `**`, `@user` render as typed.
 * `|` is left to `cell`: GFM splits rows before it reads backslash escapes.
 */
export function escapeText(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_{}[\]()#!~]/g, (c) => `\\${c}`)
    .replace(/@/g, "@\u200b");
}

/**
 * GitHub Actions workflow commands: one `::error` or `::warning` line per
 * finding, which the runner turns into annotations on the pull request.
 *
 *   ::error file=proto/a.proto,line=12,col=3,title=FIELD_LOWER_SNAKE_CASE::Field name "userID" ...
 *
 * The escaping follows the runner's own parser (actions/runner,
 * `ActionCommand.TryParseV2`), not the older `##[` syntax:
 *   - property values: `%` `\r` `\n` `:` `,` — the runner splits properties on
 *     `,` and finds the message after the first `::`, so both must be hidden.
 *   - the message: `%` `\r` `\n` only; `:` and `,` are safe there.
 * `;` and `]` are NOT escaped: only the legacy `##[` parser decodes `%3B` and
 * `%5D`, so escaping them here would show up literally in the annotation.
 * `%` is escaped first so the other escapes are not escaped twice; the runner
 * decodes `%25` last, which makes the pair an exact round trip.
 */
import type { Finding } from "../../model/findings/finding.js";
import { type Reporter, sortFindings } from "./reporter.js";

export const githubReporter: Reporter = (report) => {
  const lines = sortFindings(report.findings).map(toWorkflowCommand);
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
};

/** One finding as a workflow command line (no trailing newline). */
export function toWorkflowCommand(f: Finding): string {
  const command = f.severity === "error" ? "error" : "warning";
  const properties: [string, string][] = [];
  // The runner drops properties whose value is empty, and a project-wide
  // finding has no file: it then shows as an annotation on the workflow run.
  if (f.file !== "") properties.push(["file", f.file]);
  if (f.line > 0) {
    properties.push(["line", String(f.line)]);
    if (f.column > 0) properties.push(["col", String(f.column)]);
    if (f.endLine !== undefined && f.endLine > 0) properties.push(["endLine", String(f.endLine)]);
    if (f.endColumn !== undefined && f.endColumn > 0) properties.push(["endColumn", String(f.endColumn)]);
  }
  properties.push(["title", f.rule]);
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(",");
  return `::${command} ${props}::${escapeData(annotationMessage(f))}`;
}

/**
 * The annotation body: the message, then the hint and the detail (a format
 * diff, say) on lines of their own. Annotations keep newlines, so the diff
 * stays readable on the pull request.
 */
function annotationMessage(f: Finding): string {
  const parts = [f.message];
  if (f.hint !== undefined && f.hint !== "") parts.push(`Hint: ${f.hint}`);
  if (f.detail !== undefined && f.detail !== "") parts.push(f.detail.replace(/\r?\n$/, ""));
  return parts.join("\n\n");
}

/** Escapes the message part of a workflow command (after the second `::`). */
export function escapeData(value: string): string {
  return value.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/** Escapes one property value of a workflow command (`key=value`, comma separated). */
export function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

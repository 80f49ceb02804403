/**
 * The human reporter: findings grouped by file, each with the offending source
 * line and a caret under the column, then a one-line summary. Colors are plain
 * ANSI escapes (no dependency); the caller decides whether the terminal wants them.
 *
 *   proto/acme/v1/user.proto
 *     12:10  error    Field name "userID" should be lower_snake_case  FIELD_LOWER_SNAKE_CASE
 *       12 |   string userID = 1;
 *          |          ^
 *       hint: Rename the field to "user_id".
 *
 *   1 error in 1 file
 */
import type { ApiSummary, Finding, Report } from "../../model/findings/finding.js";
import { groupByFile, PROJECT_HEADING, type Reporter, sortFindings, summarize, summaryLine } from "./reporter.js";

/** Sub-lines (source, hint, detail) sit under the finding, indented this much. */
const SUB_INDENT = "    ";
/** Width of the severity column: "warning" is the longest label. */
const SEVERITY_WIDTH = "warning".length;

type Paint = (text: string) => string;

interface Palette {
  heading: Paint;
  error: Paint;
  warning: Paint;
  dim: Paint;
  hint: Paint;
  ok: Paint;
}

/** SGR open/close pairs; closing with the specific code (not a full reset) lets styles nest. */
function ansi(open: number, close: number): Paint {
  return (text) => `\u001b[${open}m${text}\u001b[${close}m`;
}

const identity: Paint = (text) => text;

const colorPalette: Palette = {
  heading: (text) => ansi(1, 22)(ansi(4, 24)(text)),
  error: ansi(31, 39),
  warning: ansi(33, 39),
  dim: ansi(2, 22),
  hint: ansi(36, 39),
  ok: ansi(32, 39),
};

const plainPalette: Palette = {
  heading: identity,
  error: identity,
  warning: identity,
  dim: identity,
  hint: identity,
  ok: identity,
};

export const textReporter: Reporter = (report, options) => {
  const palette = options.color ? colorPalette : plainPalette;
  const out: string[] = [];
  for (const [file, findings] of groupByFile(sortFindings(report.findings))) {
    out.push(palette.heading(file === "" ? PROJECT_HEADING : file));
    const positionWidth = Math.max(...findings.map((f) => position(f).length));
    for (const finding of findings) {
      out.push(...renderFinding(finding, positionWidth, report, palette));
    }
    out.push("");
  }
  const summary = summarize(report.findings);
  const line = summaryLine(summary);
  const paintSummary = summary.errors > 0 ? palette.error : summary.warnings > 0 ? palette.warning : palette.ok;
  out.push(paintSummary(line));
  if (report.api) out.push(apiLine(report.api));
  return `${out.join("\n")}\n`;
};

/** "API changes since main (merge-base), 1 file changed: 1 breaking, 2 features -> major". */
export function apiLine(api: ApiSummary): string {
  const { counts } = api;
  const parts = [
    counts.breaking ? pluralWord(counts.breaking, "breaking change", "breaking changes") : "",
    counts.feature ? pluralWord(counts.feature, "feature", "features") : "",
    counts.docs ? pluralWord(counts.docs, "docs change", "docs changes") : "",
    counts.internal ? pluralWord(counts.internal, "internal change", "internal changes") : "",
  ].filter(Boolean);
  const scope = api.incremental ? `, ${pluralWord(api.filesChanged ?? 0, "file changed", "files changed")}` : "";
  const what = parts.length ? parts.join(", ") : "no API changes";
  return `API since ${api.base}${scope}: ${what} (semver: ${api.bump})`;
}

function pluralWord(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "12:3", "12" when the column is unknown, "" when the line is unknown too. */
function position(f: Finding): string {
  if (f.line <= 0) return "";
  return f.column > 0 ? `${f.line}:${f.column}` : `${f.line}`;
}

function renderFinding(f: Finding, positionWidth: number, report: Report, palette: Palette): string[] {
  const paintSeverity = f.severity === "error" ? palette.error : palette.warning;
  // Pad outside the color codes, so only the words are painted.
  const word = f.severity === "error" ? "error" : "warning";
  const label = `${paintSeverity(word)}${" ".repeat(SEVERITY_WIDTH - word.length)}`;
  const where = position(f);
  const pos = positionWidth > 0 ? `${where === "" ? "" : palette.dim(where)}${" ".repeat(positionWidth - where.length)}  ` : "";
  const lines = [`  ${pos}${label}  ${f.message}  ${palette.dim(f.rule)}`];

  const source = f.file !== "" && f.line > 0 ? report.sourceLine?.(f.file, f.line) : undefined;
  if (source !== undefined) lines.push(...renderSourceContext(f, source, paintSeverity, palette));
  if (f.hint !== undefined && f.hint !== "") lines.push(`${SUB_INDENT}${palette.hint(`hint: ${f.hint}`)}`);
  if (f.detail !== undefined && f.detail !== "") {
    const detail = f.detail.replace(/\r?\n$/, "");
    for (const detailLine of detail.split(/\r?\n/)) lines.push(`${SUB_INDENT}  ${detailLine}`);
  }
  return lines;
}

/** The source line with a gutter, and a caret under the column when it is known. */
function renderSourceContext(f: Finding, rawSource: string, paintCaret: Paint, palette: Palette): string[] {
  const source = rawSource.replace(/\r$/, "");
  const gutter = String(f.line);
  const lines = [`${SUB_INDENT}${palette.dim(`${gutter} |`)} ${source}`];
  if (f.column > 0) {
    const blankGutter = " ".repeat(gutter.length);
    lines.push(`${SUB_INDENT}${palette.dim(`${blankGutter} |`)} ${caretPadding(source, f.column)}${paintCaret("^")}`);
  }
  return lines;
}

/**
 * buf counts columns the way a terminal draws them, not in characters: a tab
 * moves to the next stop of 4 and a wide (CJK, emoji) character takes 2, both
 * in `buf lint` output and in the source spans of its images, which protogov's
 * own rules read. (Checked with buf 1.75: in "  <TAB>string aB" the field name
 * is reported at column 12; after two CJK characters, one column later per
 * character.)
 */
const BUF_TAB_STOP = 4;

/**
 * The whitespace that puts a caret under `column` of `source`. Tabs are copied
 * as tabs, so the caret lines up whatever tab width the terminal uses (the
 * gutters before the source and the caret are the same length).
 */
export function caretPadding(source: string, column: number): string {
  let padding = "";
  let current = 1;
  for (const ch of source) {
    if (current >= column) break;
    if (ch === "\t") {
      current = (Math.floor((current - 1) / BUF_TAB_STOP) + 1) * BUF_TAB_STOP + 1;
      padding += "\t";
      continue;
    }
    const width = cellWidth(ch);
    current += width;
    padding += " ".repeat(width);
  }
  return padding;
}

const COMBINING = /^\p{Mn}$/u;
/** East Asian wide and fullwidth blocks and the emoji blocks: two cells in a terminal. */
const WIDE =
  /^[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F680}-\u{1F6FF}\u{1F900}-\u{1F9FF}\u{1FA70}-\u{1FAFF}\u{20000}-\u{3FFFD}]$/u;

function cellWidth(ch: string): number {
  if (COMBINING.test(ch)) return 0;
  return WIDE.test(ch) ? 2 : 1;
}

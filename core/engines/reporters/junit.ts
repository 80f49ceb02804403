/**
 * JUnit XML, for CI systems that chart test results (GitLab's test report,
 * Jenkins, Azure Pipelines, the GitHub test-report actions).
 *
 * Layout: one <testsuite> per FILE, named by its path ("(project)" for
 * project-wide findings), and one <testcase> per finding, with classname = the
 * file and name = "RULE line:col". Per file rather than per rule because a
 * reader fixes findings file by file, and CI UIs list suites as the first
 * level. Errors carry a <failure>; warnings pass and carry their text in
 * <system-out>, so warnings alone do not turn the pipeline red. A clean run
 * writes one passing testcase, so CI shows a green suite instead of "no tests".
 *
 * Everything is escaped, including characters XML 1.0 cannot hold at all
 * (most C0 controls, lone surrogates): those become a visible `\xNN` / `\uNNNN`
 * so the file still parses and the reader sees what was there.
 */
import type { Finding } from "../../model/findings/finding.js";
import { groupByFile, PROJECT_HEADING, type Reporter, sortFindings, summarize } from "./reporter.js";

export const junitReporter: Reporter = (report) => {
  const name = `protogov ${report.command}`;
  const summary = summarize(report.findings);
  const suites = groupByFile(sortFindings(report.findings));
  const tests = Math.max(report.findings.length, 1);
  const out = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="${attr(name)}" tests="${tests}" failures="${summary.errors}" errors="0">`,
  ];
  if (suites.size === 0) {
    out.push(`  <testsuite name="${attr(name)}" tests="1" failures="0" errors="0" skipped="0">`);
    out.push(`    <testcase classname="${attr(name)}" name="no findings"/>`);
    out.push("  </testsuite>");
  }
  for (const [file, findings] of suites) {
    const suiteName = file === "" ? PROJECT_HEADING : file;
    const failures = findings.filter((f) => f.severity === "error").length;
    out.push(`  <testsuite name="${attr(suiteName)}" tests="${findings.length}" failures="${failures}" errors="0" skipped="0">`);
    for (const f of findings) out.push(...renderTestcase(suiteName, f));
    out.push("  </testsuite>");
  }
  out.push("</testsuites>");
  return `${out.join("\n")}\n`;
};

function renderTestcase(suiteName: string, f: Finding): string[] {
  const where = f.line > 0 ? (f.column > 0 ? ` ${f.line}:${f.column}` : ` ${f.line}`) : "";
  const open = `    <testcase classname="${attr(suiteName)}" name="${attr(`${f.rule}${where}`)}">`;
  const body = text(findingBody(f));
  if (f.severity === "error") {
    return [open, `      <failure message="${attr(f.message)}" type="${attr(f.rule)}">${body}</failure>`, "    </testcase>"];
  }
  return [open, `      <system-out>warning: ${body}</system-out>`, "    </testcase>"];
}

/** The long form shown when a failure is expanded: where, what, how to fix, and the detail. */
function findingBody(f: Finding): string {
  const position = f.line > 0 ? `:${f.line}${f.column > 0 ? `:${f.column}` : ""}` : "";
  const location = f.file === "" ? PROJECT_HEADING : `${f.file}${position}`;
  const parts = [`${location}: ${f.message} (${f.rule})`];
  if (f.hint !== undefined && f.hint !== "") parts.push(`hint: ${f.hint}`);
  if (f.detail !== undefined && f.detail !== "") parts.push(f.detail.replace(/\r?\n$/, ""));
  return parts.join("\n");
}

/**
 * Characters outside the XML 1.0 `Char` production: C0 controls other than
 * tab, LF and CR; U+FFFE and U+FFFF; and UTF-16 surrogates that are not part
 * of a pair. They cannot even be written as character references.
 */
const NOT_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function replaceNonXmlChars(value: string): string {
  return value.replace(NOT_XML_CHAR, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}` : `\\u${code.toString(16).toUpperCase()}`;
  });
}

/**
 * Escapes element content. CR becomes a reference because parsers turn a
 * literal CR (alone or before LF) into LF.
 */
export function text(value: string): string {
  return replaceNonXmlChars(value).replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll("\r", "&#13;");
}

/**
 * Escapes an attribute value (always written in double quotes). Tab and LF
 * (and CR, in text()) become character references: a parser normalizes literal ones to spaces
 * in attributes, which would fold a multi-line message into one line.
 */
export function attr(value: string): string {
  return text(value).replaceAll('"', "&quot;").replaceAll("'", "&apos;").replaceAll("\t", "&#9;").replaceAll("\n", "&#10;");
}

/**
 * The reporters, chosen by name on the command line. Adding one means adding
 * a file that exports a Reporter, a line here, and a test in test/reporters/.
 */
import { UsageError } from "../../model/errors.js";
import { githubReporter } from "./github.js";
import { gitlabReporter } from "./gitlab.js";
import { jsonReporter } from "./json.js";
import { junitReporter } from "./junit.js";
import { markdownReporter } from "./markdown.js";
import type { Reporter } from "./reporter.js";
import { sarifReporter } from "./sarif.js";
import { textReporter } from "./text.js";

export type { Reporter, ReporterOptions } from "./reporter.js";

export const reporters = {
  text: textReporter,
  json: jsonReporter,
  github: githubReporter,
  sarif: sarifReporter,
  junit: junitReporter,
  gitlab: gitlabReporter,
  markdown: markdownReporter,
} as const satisfies Record<string, Reporter>;

export type ReporterName = keyof typeof reporters;

/** The names in registry order (text first: it is the default), for help text and errors. */
export const reporterNames = Object.keys(reporters) as readonly ReporterName[];

/** One line per reporter for `--help`; typed so a new reporter cannot go undescribed. */
export const reporterDescriptions: Readonly<Record<ReporterName, string>> = {
  text: "grouped by file, with source context and a summary (default)",
  json: "one JSON document with a summary and every finding",
  github: "GitHub Actions annotations (workflow commands)",
  sarif: "SARIF 2.1.0 for GitHub code scanning and other SARIF viewers",
  junit: "JUnit XML test report, one suite per file",
  gitlab: "GitLab Code Quality report (codequality artifact)",
  markdown: "Markdown summary for a PR/MR comment or a GitHub job summary",
};

export function isReporterName(name: string): name is ReporterName {
  // Object.hasOwn, not `in`: "toString" must not count as a reporter.
  return Object.hasOwn(reporters, name);
}

/** The reporter called `name`; an unknown name is a usage error that lists the valid ones. */
export function getReporter(name: string): Reporter {
  if (!isReporterName(name)) {
    throw new UsageError(`unknown reporter "${name}"; valid reporters: ${reporterNames.join(", ")}`);
  }
  return reporters[name];
}

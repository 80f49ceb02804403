/**
 * Renders a report with the chosen reporter and writes it to stdout or to
 * --output (written whole through a temporary file, so no partial report is
 * left behind), then maps findings to the exit code.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import { getReporter } from "../core/engines/reporters/index.js";
import { ruleInfos } from "../core/engines/rules/rule-info.js";
import { ExitCode, UsageError } from "../core/model/errors.js";
import { hasErrors, type Report } from "../core/model/findings/finding.js";
import { writeFileAtomic } from "../core/model/fs/atomic-write.js";
import { type GlobalOptions, resolveCwd } from "./global-options.js";

/**
 * Finding paths are project-relative inside protogov; reports show them relative
 * to where the user (or CI, at the repository root) started, so editors and
 * GitHub annotations resolve them.
 */
function rebase(report: Report, cwd: string): Report {
  if (resolve(report.root) === resolve(cwd)) return report;
  const findings = report.findings.map((f) => (f.file ? { ...f, file: relative(cwd, join(report.root, f.file)).split(sep).join("/") } : f));
  return { ...report, findings, root: cwd };
}

export async function emitReport(original: Report, opts: GlobalOptions): Promise<number> {
  const report = rebase(original, resolve(resolveCwd(opts)));
  const reporter = getReporter(opts.format);
  // Only SARIF describes rules; asking buf for its rule list costs a process start.
  const rules = opts.format === "sarif" && !report.rules ? await ruleInfos() : report.rules;
  const cache = new Map<string, string[] | undefined>();
  const withSource: Report = {
    ...report,
    ...(rules ? { rules } : {}),
    sourceLine: (file, line) => {
      if (!cache.has(file)) {
        try {
          cache.set(file, readFileSync(join(report.root, file), "utf8").split("\n"));
        } catch {
          cache.set(file, undefined);
        }
      }
      return cache.get(file)?.[line - 1];
    },
  };
  const useColor = opts.color && !opts.output && process.stdout.isTTY === true && !process.env["NO_COLOR"];
  const text = reporter(withSource, { color: useColor });
  if (opts.output) {
    writeReportFile(resolve(resolveCwd(opts), opts.output), text.endsWith("\n") ? text : `${text}\n`, opts.output);
  } else {
    process.stdout.write(text.endsWith("\n") || text === "" ? text : `${text}\n`);
  }
  return hasErrors(report.findings) ? ExitCode.Findings : ExitCode.Clean;
}

/** Files a report must never replace: sources and the configuration of protogov and buf. */
const SOURCE_NAMES = new Set(["protogov.yaml", "buf.yaml", "buf.work.yaml", "buf.gen.yaml", "buf.lock"]);

/**
 * Writes a report (lint, check, diff, hook) to --output atomically (a temporary
 * sibling, fsync, rename), so a failure or a full disk leaves neither a partial
 * report nor a temporary file. An output that names a source file is refused.
 */
export function writeReportFile(target: string, text: string, shownAs: string): void {
  if (target.endsWith(".proto") || SOURCE_NAMES.has(basename(target))) {
    throw new UsageError(`--output ${shownAs} names a source file; refusing to replace it with a report`, {
      hint: "write the report to a file of its own, e.g. --output report.txt",
    });
  }
  try {
    // A device or pipe (/dev/null, /dev/stderr, a FIFO) is written in place: renaming over it
    // would replace the device node itself.
    if (existsSync(target) && !statSync(target).isFile()) {
      if (statSync(target).isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
      writeFileSync(target, text);
      return;
    }
    writeFileAtomic(target, text);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UsageError(`cannot write the report to ${shownAs} (${reason})`, {
      hint: "pass --output a file path in an existing, writable directory",
    });
  }
}

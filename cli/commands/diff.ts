import { resolve } from "node:path";
import { CHANGELOG_FORMATS, type ChangelogFormat, renderChangelog } from "../../core/engines/diff/render-changelog.js";
import { runChecks } from "../../core/features/pipeline/checks.js";
import { ExitCode, UsageError } from "../../core/model/errors.js";
import { type GlobalOptions, resolveCwd } from "../global-options.js";
import { writeReportFile } from "../output.js";

export interface DiffOptions extends GlobalOptions {
  paths: string[];
  against?: string;
  all: boolean;
}

/** The API changelog against the base, with the semver bump it implies. Exit 0 unless it cannot run. */
export async function diff(opts: DiffOptions): Promise<number> {
  const format = opts.format as ChangelogFormat;
  if (!CHANGELOG_FORMATS.includes(format)) {
    throw new UsageError(`diff does not print --format ${opts.format}`, { hint: `use one of ${CHANGELOG_FORMATS.join(", ")}` });
  }
  const result = await runChecks(
    { cwd: resolveCwd(opts), configFile: opts.config, paths: opts.paths, against: opts.against, all: opts.all, base: "required" },
    { format: false, lint: false, breaking: true, diffOnly: true },
  );
  const compileErrors = result.findings.filter((f) => f.rule === "COMPILE");
  if (compileErrors.length > 0) {
    const first = compileErrors[0];
    throw new UsageError(`the protos do not compile: ${first?.message ?? ""}`, {
      ...(first ? { location: { file: first.file, line: first.line, column: first.column } } : {}),
      hint: "run `protogov lint` to see every compile error",
    });
  }
  const text = renderChangelog(result.diff ?? { changes: [], bump: "none" }, format);
  if (opts.output) {
    writeReportFile(resolve(resolveCwd(opts), opts.output), text, opts.output);
  } else {
    process.stdout.write(text);
  }
  return ExitCode.Clean;
}

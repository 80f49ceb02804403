import { publishReportJson, renderPublishReport } from "../../core/features/publish/publish-report.js";
import { runPublish } from "../../core/features/publish/run-publish.js";
import { ExitCode, ToolError, UsageError } from "../../core/model/errors.js";
import { type GlobalOptions, resolveCwd } from "../global-options.js";

export interface PublishCommandOptions extends GlobalOptions {
  target: string[];
  dryRun: boolean;
}

/** Publishes (or, with --dry-run, plans) every selected target; the report goes to stdout. */
export async function publish(opts: PublishCommandOptions): Promise<number> {
  if (opts.format !== "text" && opts.format !== "json") {
    throw new UsageError(`publish does not print --format ${opts.format}`, { hint: "use text or json" });
  }
  const started = performance.now();
  const report = await runPublish({ cwd: resolveCwd(opts), configFile: opts.config, names: opts.target, dryRun: opts.dryRun });
  process.stdout.write(opts.format === "json" ? publishReportJson(report) : renderPublishReport(report));
  const failed = report.entries.find((e) => e.status === "failed");
  if (failed) {
    const done = report.entries.filter((e) => e.status === "published").map((e) => e.plan.target.name);
    throw new ToolError(`publishing ${failed.plan.target.name} failed: ${failed.detail}`, {
      hint: `published before the failure: ${done.length > 0 ? done.join(", ") : "nothing"}; later targets were not attempted (see the report above)`,
    });
  }
  process.stderr.write(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return ExitCode.Clean;
}

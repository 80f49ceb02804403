import { runChecks } from "../../core/features/pipeline/checks.js";
import { type GlobalOptions, resolveCwd } from "../global-options.js";
import { emitReport } from "../output.js";
import { diffSummary } from "../summary.js";

export interface BreakingOptions extends GlobalOptions {
  paths: string[];
  against?: string;
  all: boolean;
}

export async function breaking(opts: BreakingOptions): Promise<number> {
  const result = await runChecks(
    { cwd: resolveCwd(opts), configFile: opts.config, paths: opts.paths, against: opts.against, all: opts.all, base: "required" },
    { format: false, lint: false, breaking: true },
  );
  return await emitReport(
    { command: "breaking", findings: result.findings, root: result.scope.project.root, ...diffSummary(result) },
    opts,
  );
}

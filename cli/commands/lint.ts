import { runChecks } from "../../core/pipeline/checks.js";
import { type GlobalOptions, resolveCwd } from "../global-options.js";
import { emitReport } from "../output.js";

export interface LintOptions extends GlobalOptions {
  paths: string[];
}

export async function lint(opts: LintOptions): Promise<number> {
  const result = await runChecks({ cwd: resolveCwd(opts), configFile: opts.config, paths: opts.paths }, { format: false, lint: true });
  return await emitReport({ command: "lint", findings: result.findings, root: result.project.root }, opts);
}

import { runChecks } from "../../core/pipeline/checks.js";
import { type GlobalOptions, resolveCwd } from "../global-options.js";
import { emitReport } from "../output.js";

export interface CheckOptions extends GlobalOptions {
  paths: string[];
}

export async function check(opts: CheckOptions): Promise<number> {
  const result = await runChecks({ cwd: resolveCwd(opts), configFile: opts.config, paths: opts.paths }, { format: true, lint: true });
  return await emitReport({ command: "check", findings: result.findings, root: result.project.root }, opts);
}

import { runChecks } from "../../core/features/pipeline/checks.js";
import { type GlobalOptions, resolveCwd } from "../global-options.js";
import { emitReport } from "../output.js";

export interface LintOptions extends GlobalOptions {
  paths: string[];
}

export async function lint(opts: LintOptions): Promise<number> {
  const result = await runChecks(
    { cwd: resolveCwd(opts), configFile: opts.config, paths: opts.paths, base: "none" },
    { format: false, lint: true, breaking: false },
  );
  return await emitReport({ command: "lint", findings: result.findings, root: result.scope.project.root }, opts);
}

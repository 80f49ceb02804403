import { holdAgainstBaseline } from "../../core/features/baseline/project-baseline.js";
import { runChecks } from "../../core/features/pipeline/checks.js";
import { writeConfigNote } from "../config-note.js";
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
  const { project } = result.scope;
  const held = holdAgainstBaseline(
    result.findings,
    project,
    { wholeProject: !project.narrowed, formatRan: false },
    {
      disabled: !opts.baseline,
      cwd: resolveCwd(opts),
    },
  );
  writeConfigNote(project.loaded, ["lint"]);
  const code = await emitReport({ command: "lint", findings: held.findings, root: project.root }, opts);
  for (const note of held.notes) process.stderr.write(`${note}\n`);
  return code;
}

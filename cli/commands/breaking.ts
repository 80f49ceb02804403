import { findingsPerRelease, type ReleaseSelection, selectReleases } from "../../core/features/breaking/against-releases.js";
import { runChecks } from "../../core/features/pipeline/checks.js";
import { UsageError } from "../../core/model/errors.js";
import { writeConfigNote } from "../config-note.js";
import { type GlobalOptions, resolveCwd } from "../global-options.js";
import { emitReport } from "../output.js";
import { diffSummary } from "../summary.js";

export interface BreakingOptions extends GlobalOptions {
  paths: string[];
  against?: string;
  all: boolean;
  /** `--against-releases PATTERN` with `--keep N` / `--since DATE`: every matching release tag is a base. */
  releases?: ReleaseSelection;
}

export async function breaking(opts: BreakingOptions): Promise<number> {
  const cwd = resolveCwd(opts);
  const scopeOf = (against: string | undefined) => ({
    cwd,
    configFile: opts.config,
    paths: opts.paths,
    against,
    all: opts.all,
    base: "required" as const,
  });
  if (opts.releases) {
    if (opts.against !== undefined)
      throw new UsageError("--against and --against-releases exclude each other", { hint: "use one of them" });
    const tags = await selectReleases(cwd, opts.releases);
    let root = cwd;
    const findings = await findingsPerRelease(tags, async (tag) => {
      const result = await runChecks(scopeOf(tag.tag), { format: false, lint: false, breaking: true });
      root = result.scope.project.root;
      return result.findings;
    });
    return await emitReport({ command: "breaking", findings, root }, opts);
  }
  const result = await runChecks(scopeOf(opts.against), { format: false, lint: false, breaking: true });
  writeConfigNote(result.scope.project.loaded, ["breaking"]);
  return await emitReport(
    { command: "breaking", findings: result.findings, root: result.scope.project.root, ...diffSummary(result) },
    opts,
  );
}

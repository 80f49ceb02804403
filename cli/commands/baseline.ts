import { relative } from "node:path";
import { recordBaseline } from "../../core/features/baseline/project-baseline.js";
import { ExitCode } from "../../core/model/errors.js";
import { type GlobalOptions, resolveCwd } from "../global-options.js";

export interface BaselineOptions extends GlobalOptions {
  paths: string[];
  prune: boolean;
}

export async function baseline(opts: BaselineOptions): Promise<number> {
  const cwd = resolveCwd(opts);
  const r = await recordBaseline({ cwd, configFile: opts.config, paths: opts.paths, prune: opts.prune });
  const shown = relative(cwd, r.path) || r.path;
  const change = `${r.added} entr${r.added === 1 ? "y" : "ies"} added, ${r.removed} removed`;
  process.stderr.write(
    opts.prune
      ? `Pruned ${shown}: ${r.removed} stale entr${r.removed === 1 ? "y" : "ies"} removed; ${r.findings} finding(s) remain.\n`
      : `Recorded ${r.findings} finding(s) in ${shown} (${change}). Commit it: lint, check and the hook now fail only on new findings.\n`,
  );
  return ExitCode.Clean;
}

/**
 * `protogov scaffold`: writes or updates a test per service (see
 * core/features/scaffold) and reports, per RPC block, what it added, updated, kept
 * (edited by the user) and left alone (no longer in the protos).
 * Exit codes: 0 done; with --check, 1 when scaffolds are missing or out of
 * date (for CI); 2 on usage, input or tool failures.
 */

import type { MergeAction, MergeEntry } from "../../core/features/scaffold/merge.js";
import { scaffold as runScaffold } from "../../core/features/scaffold/scaffold.js";
import { ExitCode, UsageError } from "../../core/model/errors.js";
import { type GlobalOptions, resolveCwd } from "../global-options.js";

export interface ScaffoldCommandOptions extends GlobalOptions {
  paths: string[];
  out: string;
  gen?: string;
  runner: string;
  impl?: string;
  check: boolean;
  stubs: boolean;
  setup: boolean;
}

const RUNNERS = ["node", "vitest"] as const;

export async function scaffold(opts: ScaffoldCommandOptions): Promise<number> {
  const runner = RUNNERS.find((r) => r === opts.runner);
  if (!runner) throw new UsageError(`unknown --runner "${opts.runner}"`, { hint: `use one of ${RUNNERS.join(", ")}` });
  if (opts.format !== "text" && opts.format !== "json") {
    throw new UsageError(`scaffold reports as text or json, not ${opts.format}`, { hint: "pass --format text or --format json" });
  }
  const result = await runScaffold({
    cwd: resolveCwd(opts),
    configFile: opts.config,
    paths: opts.paths,
    out: opts.out,
    gen: opts.gen,
    runner,
    impl: opts.impl,
    check: opts.check,
    stubs: opts.stubs,
    setup: opts.setup,
  });
  const stale = opts.check && result.entries.some((e) => e.action === "added" || e.action === "updated");
  if (opts.format === "json") {
    process.stdout.write(
      `${JSON.stringify(
        {
          out: result.outDir,
          check: opts.check,
          changed: result.changed,
          entries: result.entries,
          stubs: result.stubs,
          setup: result.setup,
        },
        null,
        2,
      )}\n`,
    );
  } else {
    process.stdout.write(renderText(result.entries, result.changed, opts) + renderExtras(result, opts));
  }
  return stale ? ExitCode.Findings : ExitCode.Clean;
}

const LABELS: Record<MergeAction, string> = {
  added: "added",
  updated: "updated",
  kept: "kept",
  "left-alone": "left alone",
  unchanged: "unchanged",
};

/** One line per block that changed or needs attention (unchanged blocks only count), then a summary. */
function renderText(entries: readonly MergeEntry[], changed: readonly string[], opts: ScaffoldCommandOptions): string {
  const lines: string[] = [];
  for (const e of entries) {
    if (e.action === "unchanged" || isStructural(e)) continue;
    const what = e.block === undefined ? e.file : `${e.file} ${e.block}`;
    lines.push(`  ${LABELS[e.action].padEnd(10)}  ${what}${e.reason ? ` (${e.reason})` : ""}`);
  }
  const count = (a: MergeAction) => entries.filter((e) => e.action === a && !isStructural(e)).length;
  const verb = opts.check ? "would write" : "wrote";
  lines.push(
    `${opts.check ? "Scaffold check" : "Scaffolded"} ${opts.out}: ${count("added")} added, ${count("updated")} updated, ` +
      `${count("kept")} kept, ${count("left-alone")} left alone, ${count("unchanged")} unchanged; ${verb} ${changed.length} file(s).`,
  );
  return `${lines.join("\n")}\n`;
}

/** The stubs and setup lines: what besides the tests was (or, with --check, would be) written. */
function renderExtras(
  result: { stubs: readonly string[]; setup: readonly { file: string; note: string }[] },
  opts: ScaffoldCommandOptions,
): string {
  const lines: string[] = [];
  const verb = opts.check ? "would regenerate" : "regenerated";
  if (result.stubs.length > 0) lines.push(`Stubs: ${verb} ${result.stubs.length} file(s) in ${opts.gen ?? opts.out}.`);
  for (const s of result.setup) lines.push(`Setup: ${s.file}: ${s.note}${opts.check ? " (not written: --check)" : ""}.`);
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

/** setup / support / end blocks are reported through their RPCs, unless the user edited them. */
function isStructural(e: MergeEntry): boolean {
  return (e.block === "setup" || e.block === "support" || e.block === "end") && e.action !== "kept" && e.action !== "left-alone";
}

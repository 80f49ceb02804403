/**
 * The baseline for a command's run: where it is, holding the run's findings
 * against it, and recording or pruning it (`protogov baseline`). The CLI
 * prints the notes; nothing here writes to the terminal.
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { Finding } from "../../model/findings/finding.js";
import type { Project } from "../../model/project/project.js";
import { runChecks } from "../pipeline/checks.js";
import { applyBaseline, entriesOf, type TextOf } from "./apply-baseline.js";
import { type BaselineEntry, baselinePath, compareEntries, readBaseline, writeBaseline } from "./baseline-file.js";

export interface HeldFindings {
  findings: Finding[];
  /** Lines for stderr: what the baseline suppressed, and stale entries. */
  notes: string[];
}

function workTreeText(root: string): TextOf {
  return (file) => {
    try {
      return readFileSync(join(root, file), "utf8");
    } catch {
      return undefined;
    }
  };
}

/** Which entries a run can tell are fixed. */
export interface StaleScope {
  /**
   * Only a run over the whole project: a narrowed run, an incremental check or the
   * hook sees packages in part, so package-wide rules (buf's PACKAGE_SAME_*)
   * would look fixed there when they are not.
   */
  wholeProject: boolean;
  /** `lint` runs no format check: its FORMAT entries are not fixed for it. */
  formatRan: boolean;
}

/** Holds a run's findings against the project's baseline. `textOf` defaults to the work tree. */
export function holdAgainstBaseline(
  findings: Finding[],
  project: Pick<Project, "root" | "loaded">,
  staleScope: StaleScope,
  opts: { disabled: boolean; cwd: string; textOf?: TextOf; read?: (file: string) => string },
): HeldFindings {
  if (opts.disabled) return { findings, notes: [] };
  const path = baselinePath(project.loaded);
  const baseline = readBaseline(path, opts.cwd, opts.read);
  if (!baseline) return { findings, notes: [] };
  const shown = relative(opts.cwd, path) || path;
  const outcome = applyBaseline(
    findings,
    baseline,
    opts.textOf ?? workTreeText(project.root),
    (entry) => staleScope.wholeProject && (staleScope.formatRan || entry.rule !== "FORMAT"),
  );
  const notes: string[] = [];
  if (outcome.suppressed > 0) {
    notes.push(`protogov: ${outcome.suppressed} finding(s) recorded in ${shown} not shown (--no-baseline shows them)`);
  }
  if (outcome.stale.length > 0) {
    notes.push(
      `protogov: ${outcome.stale.length} entr${outcome.stale.length === 1 ? "y" : "ies"} of ${shown} no longer found (fixed?); \`protogov baseline --prune\` removes:`,
    );
    for (const e of outcome.stale)
      notes.push(`  ${e.file}: ${e.rule}${e.element ? ` ${e.element}` : ""}: ${e.message}${e.count > 1 ? ` (x${e.count})` : ""}`);
  }
  return { findings: outcome.kept, notes };
}

export interface RecordOptions {
  cwd: string;
  configFile?: string | undefined;
  paths: readonly string[];
  /** Only drop entries that no longer occur; never add. */
  prune: boolean;
}

export interface RecordOutcome {
  path: string;
  entries: number;
  findings: number;
  added: number;
  removed: number;
}

/**
 * `protogov baseline`: records today's findings (format and lint, as `check`
 * without a base reports them), replacing the file; `--prune` keeps only the
 * entries still found. A run narrowed to paths keeps the entries of other files.
 */
export async function recordBaseline(opts: RecordOptions): Promise<RecordOutcome> {
  const result = await runChecks(
    { cwd: opts.cwd, configFile: opts.configFile, paths: opts.paths, base: "none" },
    { format: true, lint: true, breaking: false },
  );
  const { project } = result.scope;
  const path = baselinePath(project.loaded);
  const old = readBaseline(path, opts.cwd)?.entries ?? [];
  const covered = new Set(project.inScope.map((f) => f.rel));
  const today = entriesOf(result.findings, workTreeText(project.root));
  const outside = old.filter((e) => !covered.has(e.file) && e.file !== "");
  let inside: BaselineEntry[];
  if (opts.prune) {
    const now = new Map(today.map((e) => [fingerprint(e), e.count]));
    inside = old
      .filter((e) => covered.has(e.file) || e.file === "")
      .flatMap((e) => {
        const count = Math.min(e.count, now.get(fingerprint(e)) ?? 0);
        return count > 0 ? [{ ...e, count }] : [];
      });
  } else {
    inside = today;
  }
  const entries = [...outside, ...inside].sort(compareEntries);
  const before = new Set(old.map(fingerprint));
  const after = new Set(entries.map(fingerprint));
  writeBaseline(path, entries);
  return {
    path,
    entries: entries.length,
    findings: entries.reduce((n, e) => n + e.count, 0),
    added: [...after].filter((k) => !before.has(k)).length,
    removed: [...before].filter((k) => !after.has(k)).length,
  };
}

function fingerprint(e: BaselineEntry): string {
  return `${e.rule}\0${e.file}\0${e.element}\0${e.message}`;
}

/**
 * Holding findings against the baseline: a finding whose fingerprint (rule,
 * file, element, message) the baseline lists is suppressed, as many times as
 * the baseline counts it; what is left is new. Entries that matched nothing,
 * in a run that can tell, are stale (fixed since), reported so that
 * `protogov baseline --prune` can drop them. The filter runs after the result
 * cache, so cached findings never depend on the baseline.
 */

import { outlineProto } from "../../model/findings/element-outline.js";
import type { Finding } from "../../model/findings/finding.js";
import type { Baseline, BaselineEntry } from "./baseline-file.js";

export interface BaselineOutcome {
  /** Findings not in the baseline. */
  kept: Finding[];
  /** How many findings the baseline suppressed. */
  suppressed: number;
  /** Entries (with the unmatched part of their count) that no finding matched, where the run can tell. */
  stale: BaselineEntry[];
}

/** Reads a project-relative file's text (the work tree, or the index for the hook). */
export type TextOf = (file: string) => string | undefined;

/**
 * Line numbers inside messages ("first declared at a.proto:12") move with
 * unrelated edits: the fingerprint leaves them out.
 */
function stableMessage(message: string): string {
  return message.replace(/(\.proto):\d+(?::\d+)?/g, "$1").replace(/\bline \d+/g, "line N");
}

function key(rule: string, file: string, element: string, message: string): string {
  return `${rule}\0${file}\0${element}\0${stableMessage(message)}`;
}

/** The elements of findings, one outline per file. */
export function elementFinder(textOf: TextOf): (f: Finding) => string {
  const outlines = new Map<string, ReturnType<typeof outlineProto> | undefined>();
  return (f) => {
    if (f.file === "" || f.line <= 0) return "";
    if (!outlines.has(f.file)) {
      const text = textOf(f.file);
      outlines.set(f.file, text === undefined ? undefined : outlineProto(text));
    }
    return outlines.get(f.file)?.at(f.line) ?? "";
  };
}

/** Today's findings as baseline entries (same fingerprints counted once, with their count). */
export function entriesOf(findings: readonly Finding[], textOf: TextOf): BaselineEntry[] {
  const elementOf = elementFinder(textOf);
  const byKey = new Map<string, BaselineEntry>();
  for (const f of findings) {
    const element = elementOf(f);
    const k = key(f.rule, f.file, element, f.message);
    const known = byKey.get(k);
    if (known) known.count++;
    else byKey.set(k, { rule: f.rule, file: f.file, element, message: stableMessage(f.message), count: 1 });
  }
  return [...byKey.values()];
}

export function applyBaseline(
  findings: readonly Finding[],
  baseline: Baseline,
  textOf: TextOf,
  /** Whether the run can tell that an unmatched entry is fixed (see StaleScope in project-baseline.ts). */
  canBeStale: (entry: BaselineEntry) => boolean,
): BaselineOutcome {
  const remaining = new Map<string, { entry: BaselineEntry; left: number }>();
  for (const entry of baseline.entries) {
    const k = key(entry.rule, entry.file, entry.element, entry.message);
    const known = remaining.get(k);
    if (known) known.left += entry.count;
    else remaining.set(k, { entry, left: entry.count });
  }
  const elementOf = elementFinder(textOf);
  const kept: Finding[] = [];
  let suppressed = 0;
  for (const f of findings) {
    const slot = remaining.get(key(f.rule, f.file, elementOf(f), f.message));
    if (slot && slot.left > 0) {
      slot.left--;
      suppressed++;
    } else {
      kept.push(f);
    }
  }
  const stale = [...remaining.values()].filter((s) => s.left > 0 && canBeStale(s.entry)).map((s) => ({ ...s.entry, count: s.left }));
  return { kept, suppressed, stale };
}

/**
 * The baseline file (`protogov.baseline.json` next to protogov.yaml, or
 * `baseline:` in it): the findings a repository had when it adopted protogov,
 * so that only new ones fail. Entries are fingerprints (rule, file, element,
 * message), never line numbers; the file is sorted and pretty-printed so a
 * review sees exactly which entries came and went.
 */
import { readFileSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import type { LoadedConfig } from "../../model/config/protogov-config.js";
import { ConfigError } from "../../model/errors.js";
import { writeFileAtomic } from "../../model/fs/atomic-write.js";

export const BASELINE_FILE = "protogov.baseline.json";

export interface BaselineEntry {
  rule: string;
  /** Project-relative path, forward slashes. */
  file: string;
  /** The element the finding is about (element-outline.ts), "" for file-wide findings. */
  element: string;
  message: string;
  /** How many findings share this fingerprint. */
  count: number;
}

export interface Baseline {
  /** Absolute path. */
  path: string;
  entries: BaselineEntry[];
}

/** Where the project's baseline lives: `baseline:` in protogov.yaml, else next to it (or at the project root). */
export function baselinePath(loaded: LoadedConfig): string {
  const configured = loaded.config.baseline;
  if (configured) return isAbsolute(configured) ? configured : resolve(loaded.root, configured);
  return resolve(loaded.root, BASELINE_FILE);
}

/** The baseline at `path`, or undefined when there is none. A file that is not a baseline is a ConfigError naming it. */
export function readBaseline(
  path: string,
  shownFrom: string,
  read: (file: string) => string = (file) => readFileSync(file, "utf8"),
): Baseline | undefined {
  let text: string;
  try {
    text = read(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw invalid(path, shownFrom, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw invalid(path, shownFrom, `is not JSON (${(e as Error).message})`);
  }
  const findings = (data as { version?: unknown; findings?: unknown } | null)?.findings;
  if ((data as { version?: unknown } | null)?.version !== 1 || !Array.isArray(findings)) {
    throw invalid(path, shownFrom, 'is not a protogov baseline (expected { "version": 1, "findings": [...] })');
  }
  const entries = findings.map((f: unknown, i): BaselineEntry => {
    const e = f as Partial<BaselineEntry> | null;
    if (!e || typeof e.rule !== "string" || typeof e.file !== "string" || typeof e.message !== "string") {
      throw invalid(path, shownFrom, `has an invalid entry at findings[${i}] (rule, file and message are strings)`);
    }
    const count = e.count === undefined ? 1 : e.count;
    if (!Number.isInteger(count) || count < 1) throw invalid(path, shownFrom, `has an invalid count at findings[${i}]`);
    return { rule: e.rule, file: e.file, element: typeof e.element === "string" ? e.element : "", message: e.message, count };
  });
  return { path, entries };
}

function invalid(path: string, shownFrom: string, what: string): ConfigError {
  return new ConfigError(`the baseline ${relative(shownFrom, path) || path} ${what}`, {
    location: { file: relative(shownFrom, path) || path },
    hint: "record it again with `protogov baseline`, or run with --no-baseline",
  });
}

export function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return (
    a.file.localeCompare(b.file) || a.element.localeCompare(b.element) || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message)
  );
}

/** Writes the baseline atomically, sorted, one entry per line block. */
export function writeBaseline(path: string, entries: readonly BaselineEntry[]): void {
  const sorted = [...entries].sort(compareEntries);
  const body = {
    version: 1,
    note: "Findings recorded by `protogov baseline`: lint, check and the pre-commit hook fail only on findings not listed here. Prune fixed ones with `protogov baseline --prune`.",
    findings: sorted.map((e) => ({
      rule: e.rule,
      file: e.file,
      element: e.element,
      message: e.message,
      ...(e.count > 1 ? { count: e.count } : {}),
    })),
  };
  writeFileAtomic(path, `${JSON.stringify(body, null, 2)}\n`);
}

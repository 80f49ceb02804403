/**
 * Turns measurements into verdicts, a Markdown table (what BENCHMARKS.md
 * shows) and a JSON document (for CI and for comparing runs).
 */
import type { BenchCase, Targets } from "./cases.js";
import { type Measurement, median } from "./measure.js";

export type Verdict = "PASS" | "MISS";

export interface SideResult {
  commands: string[];
  runs: Measurement[];
  medianWallMs: number;
  medianPeakRssBytes: number;
}

export interface CaseResult {
  id: string;
  title: string;
  protogov: SideResult;
  baseline: SideResult;
  ratios: { wall: number; rss: number };
  targets: Targets;
  verdicts: { wall?: Verdict; rss?: Verdict };
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryBytes: number;
  /** 1, 5 and 15 minute load averages when the bench started: other work skews the numbers. */
  loadAverage: number[];
  node: string;
  buf: string;
  os: string;
}

export interface BenchReport {
  corpus: string;
  protoFiles: number;
  runs: number;
  warmup: number;
  sampleIntervalMs: number;
  startedAt: string;
  machine: Machine;
  cases: CaseResult[];
}

export function side(commands: string[], runs: Measurement[]): SideResult {
  return {
    commands,
    runs,
    medianWallMs: median(runs.map((r) => r.wallMs)),
    medianPeakRssBytes: median(runs.map((r) => r.peakRssBytes)),
  };
}

export function caseResult(c: BenchCase, protogov: SideResult, baseline: SideResult): CaseResult {
  const ratios = {
    wall: protogov.medianWallMs / baseline.medianWallMs,
    rss: protogov.medianPeakRssBytes / baseline.medianPeakRssBytes,
  };
  const verdicts: CaseResult["verdicts"] = {};
  // Ratios are compared as printed (two decimals), so a row never reads "1.00x ≤ 1.00x MISS".
  if (c.targets.wall !== undefined || c.targets.maxWallMs !== undefined) {
    const ratioOk = c.targets.wall === undefined || round2(ratios.wall) <= c.targets.wall;
    const absoluteOk = c.targets.maxWallMs === undefined || protogov.medianWallMs < c.targets.maxWallMs;
    verdicts.wall = ratioOk && absoluteOk ? "PASS" : "MISS";
  }
  if (c.targets.rss !== undefined) verdicts.rss = round2(ratios.rss) <= c.targets.rss ? "PASS" : "MISS";
  return { id: c.id, title: c.title, protogov, baseline, ratios, targets: c.targets, verdicts };
}

export function hasMiss(report: BenchReport): boolean {
  return report.cases.some((c) => c.verdicts.wall === "MISS" || c.verdicts.rss === "MISS");
}

export function toJson(report: BenchReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function toMarkdown(report: BenchReport): string {
  const m = report.machine;
  const lines = [
    `Corpus: \`${report.corpus}\` (${report.protoFiles} .proto files), median of ${report.runs} run(s)` +
      `${report.warmup > 0 ? ` after ${report.warmup} warm-up run(s)` : ""}, RSS sampled every ${report.sampleIntervalMs} ms.`,
    `Machine: ${m.cpus} CPUs (${m.cpuModel}), ${formatBytes(m.memoryBytes)} RAM, ${m.os}, Node ${m.node}, buf ${m.buf}; ` +
      `load average at start ${m.loadAverage.map((l) => l.toFixed(2)).join(" / ")}.`,
    "",
    "| Case | Metric | protogov | buf | Ratio | Target | Result |",
    "|---|---|---:|---:|---:|---:|:---:|",
  ];
  for (const c of report.cases) {
    const [ours, theirs] = [c.protogov, c.baseline];
    lines.push(
      row(
        c.id,
        "wall time",
        formatMs(ours.medianWallMs),
        formatMs(theirs.medianWallMs),
        c.ratios.wall,
        c.targets.wall,
        c.verdicts.wall,
        c.targets.maxWallMs,
      ),
    );
    lines.push(
      row(
        c.id,
        "peak RSS (tree)",
        formatBytes(ours.medianPeakRssBytes),
        formatBytes(theirs.medianPeakRssBytes),
        c.ratios.rss,
        c.targets.rss,
        c.verdicts.rss,
      ),
    );
  }
  lines.push("", "Commands (run in the corpus directory; protogov and buf alternate, the first one swaps every run):", "");
  for (const c of report.cases) {
    lines.push(`- **${c.id}**: \`${c.protogov.commands.join(" && ")}\` vs \`${c.baseline.commands.join("; ")}\``);
  }
  return `${lines.join("\n")}\n`;
}

function row(
  id: string,
  metric: string,
  ours: string,
  theirs: string,
  ratio: number,
  target?: number,
  verdict?: Verdict,
  maxWallMs?: number,
): string {
  const goals = [target === undefined ? "" : `≤ ${target.toFixed(2)}x`, maxWallMs === undefined ? "" : `< ${formatMs(maxWallMs)}`];
  const goal = goals.filter(Boolean).join(", ") || "—";
  return `| ${id} | ${metric} | ${ours} | ${theirs} | ${ratio.toFixed(2)}x | ${goal} | ${verdict ?? "—"} |`;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

export function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return mib >= 1024 ? `${(mib / 1024).toFixed(2)} GiB` : `${Math.round(mib)} MiB`;
}

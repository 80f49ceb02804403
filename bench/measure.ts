/**
 * Runs one command or a chain of commands and measures wall time and the peak
 * RSS of the process tree. stdout goes to /dev/null (stdio "ignore"), so
 * printing a report costs each side the same and never dominates; stderr is
 * kept (its tail only) to explain a failure.
 */
import { spawn } from "node:child_process";
import { PeakRssSampler } from "./proc-tree.js";

export interface Step {
  /** What the report shows, e.g. `buf lint . --config …`. */
  display: string;
  executable: string;
  args: readonly string[];
  cwd: string;
  /** Exit codes that mean "ran and answered" (clean or findings). */
  okCodes: readonly number[];
  /** Extra environment variables for this step. */
  env?: Readonly<Record<string, string>>;
  /** Processes outside the command's tree that do its work (the hook's server): their memory counts too. */
  helpers?: () => readonly number[];
}

export interface Measurement {
  wallMs: number;
  peakRssBytes: number;
  /** Exit code of each step, in order. */
  exitCodes: number[];
  /** Largest number of processes seen in the tree at once. */
  maxProcesses: number;
}

export class CommandFailedError extends Error {
  constructor(
    readonly step: Step,
    readonly exitCode: number | string,
    readonly stderrTail: string,
  ) {
    super(`\`${step.display}\` (in ${step.cwd}) exited with ${exitCode}, expected one of ${step.okCodes.join(", ")}`);
  }
}

const STDERR_KEEP = 16 * 1024;
const TAIL_LINES = 25;

export function measureStep(step: Step, intervalMs: number): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    let stderr = "";
    const start = performance.now();
    const child = spawn(step.executable, step.args, {
      cwd: step.cwd,
      stdio: ["ignore", "ignore", "pipe"],
      env: step.env ? { ...process.env, ...step.env } : process.env,
    });
    child.on("error", (e) => reject(new CommandFailedError(step, `a start failure (${e.message})`, "")));
    if (child.pid === undefined) return; // the "error" event follows
    const sampler = new PeakRssSampler(child.pid, intervalMs, step.helpers);
    let wallMs = 0;
    let exitCode: number | string = "?";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_KEEP);
    });
    // "exit" stops the clock; "close" (all stderr read) settles the promise.
    child.on("exit", (code, signal) => {
      wallMs = Math.round((performance.now() - start) * 10) / 10;
      exitCode = code ?? `signal ${signal ?? "?"}`;
    });
    child.on("close", () => {
      const { peakBytes, maxProcesses } = sampler.stop();
      if (typeof exitCode !== "number" || !step.okCodes.includes(exitCode)) {
        reject(new CommandFailedError(step, exitCode, tail(stderr)));
        return;
      }
      resolve({ wallMs, peakRssBytes: peakBytes, exitCodes: [exitCode], maxProcesses });
    });
  });
}

/**
 * Steps run one after another whatever the previous exit code (a user wants
 * both the format and the lint result, as CI running both checks gets them):
 * wall time is the sum, peak RSS the largest step's, since they never overlap.
 */
export async function measureChain(steps: readonly Step[], intervalMs: number): Promise<Measurement> {
  const total: Measurement = { wallMs: 0, peakRssBytes: 0, exitCodes: [], maxProcesses: 0 };
  for (const step of steps) {
    const m = await measureStep(step, intervalMs);
    total.wallMs += m.wallMs;
    total.peakRssBytes = Math.max(total.peakRssBytes, m.peakRssBytes);
    total.exitCodes.push(...m.exitCodes);
    total.maxProcesses = Math.max(total.maxProcesses, m.maxProcesses);
  }
  return total;
}

function tail(text: string): string {
  return text.trimEnd().split("\n").slice(-TAIL_LINES).join("\n");
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Peak resident memory of a whole process tree, sampled from /proc.
 *
 * protogov is a Node process that starts buf several times (build, lint and
 * format run side by side), so the memory a user's machine needs is the sum over
 * the tree at each moment. `/usr/bin/time`'s %M (and a child's rusage maxrss)
 * reports only the largest single process and would undercount it.
 *
 * The kernel here has no /proc/<pid>/task/<tid>/children, so descendants are
 * found from the parent pid in every /proc/<pid>/stat. Sampling can miss a child
 * that lives less than one interval; the sum counts pages shared between
 * processes once per process, like `ps` does.
 */
import { readdirSync, readFileSync } from "node:fs";

/** Parent pid of every live process, read from /proc/<pid>/stat. */
export function parentTable(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    const ppid = readParentPid(pid);
    if (ppid === undefined) continue;
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  return children;
}

function readParentPid(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined; // exited between readdir and read
  }
  // The command name (field 2) is in parentheses and may itself hold spaces or ')'.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ppid = Number(fields[1]);
  return Number.isInteger(ppid) ? ppid : undefined;
}

/** `root` and every process below it. */
export function descendants(root: number, children: Map<number, number[]>): number[] {
  const out: number[] = [];
  const queue = [root];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** VmRSS in bytes; 0 for a process that has exited or is a zombie (no VmRSS line). */
export function residentBytes(pid: number): number {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return 0;
  }
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

export function treeResidentBytes(root: number): { bytes: number; processes: number } {
  const pids = descendants(root, parentTable());
  let bytes = 0;
  for (const pid of pids) bytes += residentBytes(pid);
  return { bytes, processes: pids.length };
}

/** Samples the tree under `root` every `intervalMs` until stopped; keeps the largest sum. */
export class PeakRssSampler {
  #peak = 0;
  #maxProcesses = 0;
  #samples = 0;
  readonly #timer: NodeJS.Timeout;

  constructor(
    readonly root: number,
    intervalMs: number,
  ) {
    this.sample();
    this.#timer = setInterval(() => this.sample(), intervalMs);
  }

  sample(): void {
    const { bytes, processes } = treeResidentBytes(this.root);
    this.#samples++;
    if (bytes > this.#peak) this.#peak = bytes;
    if (processes > this.#maxProcesses) this.#maxProcesses = processes;
  }

  stop(): { peakBytes: number; maxProcesses: number; samples: number } {
    clearInterval(this.#timer);
    return { peakBytes: this.#peak, maxProcesses: this.#maxProcesses, samples: this.#samples };
  }
}

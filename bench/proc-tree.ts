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
 * processes once per process, like `ps` does, except for a child that has not
 * exec'd yet and still runs in its parent's memory (see sharesParentMemory).
 */
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

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

interface Memory {
  /** VmRSS in bytes (0 for a zombie). */
  rss: number;
  /** VmSize in kB: equal for two processes that share one address space. */
  vmSize: number;
}

function memoryOf(pid: number): Memory | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return undefined; // exited
  }
  const rss = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  const size = /^VmSize:\s+(\d+)\s+kB/m.exec(status);
  return { rss: rss ? Number(rss[1]) * 1024 : 0, vmSize: size ? Number(size[1]) : 0 };
}

function exeOf(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return undefined;
  }
}

/**
 * A child that has not yet exec'd its program still runs in its parent's
 * address space: Go starts commands with clone(CLONE_VM|CLONE_VFORK), and for
 * that instant /proc reports the parent's whole RSS for the child too. Seen
 * when `buf lint` (3 GB by then) starts protogov's rules plugin: a sample in
 * that window summed the tree to 7.2 GiB. Such a child has its parent's
 * executable and exactly its parent's address-space size.
 */
function sharesParentMemory(pid: number, memory: Memory, parent: number, parentMemory: Memory | undefined): boolean {
  if (!parentMemory || memory.vmSize !== parentMemory.vmSize) return false;
  const exe = exeOf(pid);
  return exe !== undefined && exe === exeOf(parent);
}

export function treeResidentBytes(root: number): { bytes: number; processes: number } {
  const children = parentTable();
  const memory = new Map<number, Memory | undefined>();
  const read = (pid: number) => {
    if (!memory.has(pid)) memory.set(pid, memoryOf(pid));
    return memory.get(pid);
  };
  let bytes = read(root)?.rss ?? 0;
  let processes = 1;
  const queue = [root];
  for (let parent = queue.shift(); parent !== undefined; parent = queue.shift()) {
    for (const pid of children.get(parent) ?? []) {
      queue.push(pid);
      processes++;
      const m = read(pid);
      if (m && !sharesParentMemory(pid, m, parent, read(parent))) bytes += m.rss;
    }
  }
  return { bytes, processes };
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
    /** Other processes whose trees do the command's work (the hook's server), counted with it. */
    readonly helpers: () => readonly number[] = () => [],
  ) {
    this.sample();
    this.#timer = setInterval(() => this.sample(), intervalMs);
  }

  sample(): void {
    let { bytes, processes } = treeResidentBytes(this.root);
    for (const pid of this.helpers()) {
      const helper = treeResidentBytes(pid);
      bytes += helper.bytes;
      processes += helper.processes;
    }
    this.#samples++;
    if (bytes > this.#peak) this.#peak = bytes;
    if (processes > this.#maxProcesses) this.#maxProcesses = processes;
  }

  stop(): { peakBytes: number; maxProcesses: number; samples: number } {
    clearInterval(this.#timer);
    return { peakBytes: this.#peak, maxProcesses: this.#maxProcesses, samples: this.#samples };
  }
}

/**
 * Runs the governance rules in a worker thread for large images. The point is
 * memory, not speed: a thread's heap is returned to the system when it ends,
 * so by the time `buf lint` (running next to it) reaches its peak, protogov's
 * own process is back to its baseline. In the main thread, V8 would keep the
 * pages it grew to while decoding the image.
 */
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import type { Finding } from "../../model/findings/finding.js";
import { readImageFile } from "../compile/image-reader.js";
import { type RulesInput, runGovernanceRules } from "./engine.js";
import { rulesFor } from "./registry.js";

interface Job {
  imagePath: string;
  input: RulesInput;
}

export function runGovernanceRulesInWorker(imagePath: string, input: RulesInput): Promise<Finding[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { imagePath, input } satisfies Job });
    let result: Finding[] | undefined;
    worker.once("message", (findings: Finding[]) => {
      result = findings;
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (result) resolve(result);
      else reject(new Error(`the governance rules worker exited with code ${code} without a result`));
    });
  });
}

if (!isMainThread && parentPort) {
  const job = workerData as Job;
  parentPort.postMessage(runGovernanceRules(readImageFile(job.imagePath), job.input, await rulesFor(job.input.config)));
}

/**
 * The `check` call of protogov's buf check plugin (see install.ts): reads
 * buf's CheckRequest from stdin, runs the governance rules on the files in it
 * and writes the outcome next to the job. Started by the plugin's `sh` script
 * with the plugin directory as its only argument.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { rulesFor } from "../../rules/registry.js";
import { JOB_FILE, OUTCOME_FILE, type PluginJob, type PluginOutcome } from "./install.js";
import { encodeEmptyCheckResponse, encodeErrorResponse } from "./protocol.js";
import { rulesOnRequest } from "./rules-on-request.js";

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function writeOutcome(dir: string, outcome: PluginOutcome): void {
  // Written whole, then renamed: protogov never reads half a file.
  const file = join(dir, OUTCOME_FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify(outcome));
  renameSync(`${file}.tmp`, file);
}

async function check(dir: string, request: Buffer): Promise<PluginOutcome> {
  // Cross-file rules (unique error numbers) need every file in one request.
  if (existsSync(join(dir, OUTCOME_FILE))) return { error: "buf split the check into several requests" };
  const job = JSON.parse(readFileSync(join(dir, JOB_FILE), "utf8")) as PluginJob;
  const input = { ...job, files: new Map(job.files) };
  return { findings: rulesOnRequest(request, input, await rulesFor(job.config)) };
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write("usage: check-main.js <plugin directory> (started by protogov's buf check plugin)\n");
    process.exitCode = 2;
    return;
  }
  let outcome: PluginOutcome;
  try {
    outcome = await check(dir, await readStdin());
  } catch (e) {
    outcome = { error: e instanceof Error ? e.message : String(e) };
  }
  writeOutcome(dir, outcome);
  process.stdout.write("error" in outcome ? encodeErrorResponse(outcome.error) : encodeEmptyCheckResponse());
}

await main();

#!/usr/bin/env node
/**
 * `buf-plugin-protogov`: protogov's governance rules, the AIP pack and the
 * error-catalog breaking rules as a buf check plugin. List it under `plugins:`
 * in buf.yaml (README: "protogov inside buf"). Exit 0 with a response, or 2
 * when buf calls it with args it does not know.
 */
import { answer, callOf } from "../core/features/buf-plugin/serve.js";

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const call = callOf(process.argv.slice(2));
if (!call) {
  process.stderr.write(
    `buf-plugin-protogov: a buf check plugin; buf runs it from buf.yaml (plugins:), not by hand. Unknown call: ${process.argv.slice(2).join(" ")}\n`,
  );
  process.exitCode = 2;
} else {
  process.stdout.write(await answer(call, readStdin));
}

/**
 * The answers to buf's descriptive calls (`--spec`, `list-rules`,
 * `list-categories`) as files, written at build time next to the plugin's
 * Node entry, so `bin/buf-plugin-protogov` answers them with `cat`.
 * test/buf-plugin/descriptors.test.ts holds them equal to what Node answers.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { answer, type PluginCall } from "./serve.js";

export const DESCRIPTOR_FILES: Readonly<Record<string, PluginCall>> = {
  "spec.bin": "spec",
  "list-rules.bin": "list-rules",
  "list-categories.bin": "list-categories",
};

export async function writeDescriptors(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const noInput = async () => new Uint8Array(0);
  for (const [file, call] of Object.entries(DESCRIPTOR_FILES)) writeFileSync(join(dir, file), await answer(call, noInput));
}

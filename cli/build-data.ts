/**
 * Build step (`npm run build`): data files written from the built code, so
 * runs read them instead of computing them: the buf plugin's descriptive
 * answers (dist/cli/buf-plugin/*.bin, for bin/buf-plugin-protogov) and buf's
 * rule lists (dist/core/engines/buf/buf-rule-lists.json).
 */
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { writeBufRuleLists } from "../core/engines/buf/buf-rule-lists.js";
import { writeDescriptors } from "../core/features/buf-plugin/descriptors.js";

await writeDescriptors(fileURLToPath(new URL("./buf-plugin/", import.meta.url)));
await writeBufRuleLists(tmpdir());

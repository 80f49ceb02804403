/** Build step (`npm run build`): writes dist/cli/buf-plugin/*.bin for bin/buf-plugin-protogov. */
import { fileURLToPath } from "node:url";
import { writeDescriptors } from "../core/features/buf-plugin/descriptors.js";

await writeDescriptors(fileURLToPath(new URL("./buf-plugin/", import.meta.url)));

/**
 * Imported first by cli/bin.ts, so the handlers are in place before the rest
 * of protogov loads: from then on SIGINT, SIGTERM and SIGHUP stop the children,
 * remove the temporaries and exit 128+n (core/model/fs/lifecycle.ts).
 */
import { writeSync } from "node:fs";
import { installSignalHandlers } from "../core/model/fs/lifecycle.js";

installSignalHandlers((text) => writeSync(2, text));

#!/usr/bin/env node
/**
 * protogov's executable. The process's edges live here: SIGINT/SIGTERM/SIGHUP
 * stop the children and remove temporary files (signals.ts, imported first),
 * a closed stdout (`| head`) silences further output instead of crashing, and
 * the exit code is set once, from run-cli.ts, which catches every error.
 */
import "./signals.js";
import { fileURLToPath } from "node:url";
import { quietOnClosedStdout, runCli } from "./run-cli.js";

quietOnClosedStdout();
process.exitCode = (await servedHookRun()) ?? (await runCli(process.argv));

/** `hook run --server` exactly: the hook's server answers, if one runs (hook-client.ts); else undefined. */
async function servedHookRun(): Promise<number | undefined> {
  if (process.argv.slice(2).join(" ") !== "hook run --server") return undefined;
  const [{ askHookServer }, { hookServerDir, hookServerEnabled }] = await Promise.all([
    import("./hook-client.js"),
    import("../core/features/hook/server-state.js"),
  ]);
  return hookServerEnabled() ? askHookServer(hookServerDir(fileURLToPath(import.meta.url))) : undefined;
}

#!/usr/bin/env node
/**
 * protogov's executable. The process's edges live here: SIGINT/SIGTERM/SIGHUP
 * stop the children and remove temporary files (signals.ts, imported first),
 * a closed stdout (`| head`) silences further output instead of crashing, and
 * the exit code is set once, from run-cli.ts, which catches every error.
 */
import "./signals.js";
import { quietOnClosedStdout, runCli } from "./run-cli.js";

quietOnClosedStdout();
process.exitCode = await runCli(process.argv);

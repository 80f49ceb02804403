#!/usr/bin/env node
// protoc-gen-protogov-errors: all process handling is in the shared runner.
import { runPluginProcess } from "../runner.js";
import { errorsPlugin } from "./plugin.js";

await runPluginProcess(errorsPlugin);

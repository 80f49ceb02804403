#!/usr/bin/env node
// protoc-gen-protogov-tests: all process handling is in the shared runner.
import { runPluginProcess } from "../runner.js";
import { testsPlugin } from "./plugin.js";

await runPluginProcess(testsPlugin);

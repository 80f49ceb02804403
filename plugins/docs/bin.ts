#!/usr/bin/env node
// protoc-gen-protogov-docs: all process handling is in the shared runner; templates are read here.
import { runPluginProcess } from "../runner.js";
import { createDocsPlugin } from "./plugin.js";
import { loadBuiltinTemplates, readTemplateDir } from "./templates.js";

await runPluginProcess(createDocsPlugin({ templates: loadBuiltinTemplates(), loadTemplateDir: readTemplateDir }));

/**
 * `protogov docs`: compiles the project once and runs the docs generator of
 * protoc-gen-protogov-docs in-process on the image (the same code protoc or
 * buf would run, fed leanly: see docs-image.ts), writing each file as it is
 * rendered through writeOutput (atomic; a directory protogov did not make
 * only gets files added, never deleted).
 *
 * The changelog page: pass `changelog` (what changed since a base) and the
 * site gets changelog.html, linked from every page (see changelog.ts and the
 * docs command, which computes it from the API diff when `--against` is given).
 */
import { resolve } from "node:path";
import { PluginInputError } from "../../plugins/define-plugin.js";
import { generateDocs } from "../../plugins/docs/generate.js";
import { DOCS_PLUGIN_NAME, withOverrides } from "../../plugins/docs/plugin.js";
import { loadBuiltinTemplates, readTemplateDir } from "../../plugins/docs/templates.js";
import { PROTOGOV_VERSION } from "../../plugins/version.js";
import { InputError } from "../errors.js";
import { compiledProject } from "../generate/compiled-project.js";
import { writeOutput } from "../generate/run-plugin.js";
import type { CompiledHead } from "./api-changelog.js";
import type { ChangelogInput } from "./changelog.js";
import { readDocsImage } from "./docs-image.js";

export type DocsFormat = "html" | "markdown" | "json";
export type DocsLayout = "package" | "file" | "single";

export interface DocsOptions {
  cwd: string;
  configFile?: string | undefined;
  paths?: readonly string[] | undefined;
  /** Output directory, relative to cwd. */
  out: string;
  format: DocsFormat;
  layout: DocsLayout;
  /** Template override directory, relative to cwd. */
  templates?: string | undefined;
  title: string;
  /** Changes since a base, for the changelog page (HTML only). */
  changelog?: ChangelogInput | undefined;
}

export interface DocsResult {
  outDir: string;
  files: string[];
}

/** `head`: an image already compiled for this project (by the changelog's diff); otherwise it is compiled here. */
export async function runDocs(opts: DocsOptions, head?: CompiledHead): Promise<DocsResult> {
  const env = { templates: loadBuiltinTemplates(), loadTemplateDir: readTemplateDir };
  const templates = pluginInput(() => withOverrides(env, opts.templates ? resolve(opts.cwd, opts.templates) : ""));
  const compiled = head
    ? { ...head, dispose: () => undefined }
    : await compiledProject({ cwd: opts.cwd, configFile: opts.configFile, paths: opts.paths });
  try {
    const image = readDocsImage(compiled.imagePath, new Set(compiled.project.targets.map((t) => t.importPath)));
    const files = generateDocs(image, {
      format: opts.format,
      layout: opts.layout,
      title: opts.title,
      templates,
      generator: { name: DOCS_PLUGIN_NAME, version: PROTOGOV_VERSION },
      changelog: opts.changelog,
    });
    const outDir = resolve(opts.cwd, opts.out);
    return { outDir, files: pluginInput(() => writeOutput(files, outDir)) };
  } finally {
    compiled.dispose();
  }
}

/** A problem the plugin would answer in CodeGeneratorResponse.error is the user's: an InputError here. */
function pluginInput<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof PluginInputError) {
      throw new InputError(e.message, { hint: "fix the input or the plugin options named above" });
    }
    throw e;
  }
}

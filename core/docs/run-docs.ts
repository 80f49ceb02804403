/**
 * `protogov docs`: compiles the project once, runs protoc-gen-protogov-docs
 * in-process on the image (exactly what protoc or buf would run), and writes
 * the site through writeResponse (atomic; a directory protogov did not make
 * only gets files added, never deleted).
 *
 * The changelog page: pass `changelog` (what changed since a base) and the
 * site gets changelog.html, linked from every page. The API diff engine
 * (core/diff) is to compute it from the base `protogov check` already
 * resolves; until then the command builds the site without it.
 */
import { resolve } from "node:path";
import { createDocsPlugin } from "../../plugins/docs/plugin.js";
import { loadBuiltinTemplates, readTemplateDir } from "../../plugins/docs/templates.js";
import { compiledProject } from "../generate/compiled-project.js";
import { requestFromImage, runPluginInProcess, writeResponse } from "../generate/run-plugin.js";
import type { ChangelogInput } from "./changelog.js";

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
  /** Changes since a base, for the changelog page (hook for the API diff engine). */
  changelog?: ChangelogInput | undefined;
}

export interface DocsResult {
  outDir: string;
  files: string[];
}

export async function runDocs(opts: DocsOptions): Promise<DocsResult> {
  const parameter = [
    `format=${opts.format}`,
    `layout=${opts.layout}`,
    `title=${opts.title.replace(/,/g, " ")}`,
    ...(opts.templates ? [`templates=${resolve(opts.cwd, opts.templates)}`] : []),
  ].join(",");
  const plugin = createDocsPlugin({
    templates: loadBuiltinTemplates(),
    loadTemplateDir: readTemplateDir,
    ...(opts.changelog ? { changelog: opts.changelog } : {}),
  });
  const compiled = await compiledProject({ cwd: opts.cwd, configFile: opts.configFile, paths: opts.paths });
  try {
    const request = requestFromImage(compiled.imagePath, compiled.project, parameter);
    const response = runPluginInProcess(plugin, request);
    const outDir = resolve(opts.cwd, opts.out);
    return { outDir, files: writeResponse(response, outDir) };
  } finally {
    compiled.dispose();
  }
}

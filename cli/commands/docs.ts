import { apiChangelog } from "../../core/features/docs/api-changelog.js";
import { type DocsFormat, type DocsLayout, type DocsOptions, type DocsResult, runDocs } from "../../core/features/docs/run-docs.js";
import { UsageError } from "../../core/model/errors.js";
import { type GlobalOptions, resolveCwd } from "../global-options.js";

export const DOCS_FORMATS: readonly DocsFormat[] = ["html", "markdown", "json"];
export const DOCS_LAYOUTS: readonly DocsLayout[] = ["package", "file", "single"];

export interface DocsCommandOptions extends GlobalOptions {
  paths: string[];
  out: string;
  docsFormat: string;
  layout: string;
  templates?: string;
  title: string;
  /** Base for the changelog page (HTML only): a git ref, a directory or an image. */
  against?: string;
}

export async function docs(opts: DocsCommandOptions): Promise<number> {
  const format = pick(opts.docsFormat, DOCS_FORMATS, "--docs-format");
  const layout = pick(opts.layout, DOCS_LAYOUTS, "--layout");
  if (opts.against !== undefined && format !== "html") {
    throw new UsageError("--against adds a changelog page to the HTML site; it does not apply to --docs-format " + format);
  }
  const started = Date.now();
  const cwd = resolveCwd(opts);
  const docsOptions: DocsOptions = {
    cwd,
    configFile: opts.config,
    paths: opts.paths,
    out: opts.out,
    format,
    layout,
    templates: opts.templates,
    title: opts.title,
  };
  let result: DocsResult | undefined;
  if (opts.against !== undefined) {
    // One compile: the pages are rendered from the head image the changelog's diff used.
    await apiChangelog({ cwd, configFile: opts.config, paths: opts.paths, against: opts.against }, async (head, changelog) => {
      result = await runDocs({ ...docsOptions, changelog }, head);
    });
  }
  result ??= await runDocs(docsOptions);
  const entry = format === "json" ? "docs.json" : "index";
  process.stderr.write(
    `Wrote ${result.files.length} file(s) to ${result.outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s` +
      (format === "html" ? `; open ${result.outDir}/index.html\n` : ` (start at ${entry}${format === "markdown" ? ".md" : ""})\n`),
  );
  return 0;
}

function pick<T extends string>(value: string, valid: readonly T[], flag: string): T {
  if ((valid as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${valid.join(", ")}, not "${value}"`);
}

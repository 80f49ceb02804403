/**
 * protoc-gen-protogov-docs: API reference documentation from proto comments,
 * as Markdown pages, a static HTML site, or the view model as JSON. Pure: the
 * templates (and, with the `templates` option, a way to read the user's
 * template directory) are handed in by the caller: bin.ts under protoc or buf,
 * `protogov docs` in-process.
 */
import type { ChangelogInput } from "../../core/docs/changelog.js";
import { buildSite } from "../../core/docs/site.js";
import { definePlugin, type PlainFile, PluginInputError, type ProtogovPlugin } from "../define-plugin.js";
import { defineOptions } from "../options.js";
import { PROTOGOV_VERSION } from "../version.js";
import { buildModel } from "./build-model.js";
import type { DocsModel } from "./model.js";
import { createRenderer, overlay, type TemplateSet } from "./render.js";

export const DOCS_PLUGIN_NAME = "protoc-gen-protogov-docs";

export const docsPluginOptions = defineOptions({
  format: { kind: "string", description: "output format", default: "markdown", values: ["markdown", "html", "json"] },
  layout: {
    kind: "string",
    description: "one page per package, per .proto file, or a single page",
    default: "package",
    values: ["package", "file", "single"],
  },
  templates: {
    kind: "string",
    description: "directory whose files replace built-in templates of the same path (see docs/docs-generator.md)",
    default: "",
  },
  title: { kind: "string", description: "title of the HTML site and the Markdown index", default: "API reference" },
});

export interface DocsPluginEnv {
  /** The built-in templates (templates.ts: loadBuiltinTemplates). */
  templates: TemplateSet;
  /** Reads a user's template directory; without it the `templates` option is refused. */
  loadTemplateDir?: (dir: string) => TemplateSet;
  /** Changes since a base, for the site's changelog page (protogov docs, when a base is known). */
  changelog?: ChangelogInput;
}

export function createDocsPlugin(env: DocsPluginEnv): ProtogovPlugin {
  return definePlugin({
    name: DOCS_PLUGIN_NAME,
    version: PROTOGOV_VERSION,
    description: "generates API reference documentation (Markdown, HTML site or JSON) from proto comments and options",
    options: docsPluginOptions,
    *generateFiles(schema) {
      const { format, layout, title } = schema.options;
      const templates = withOverrides(env, schema.options.templates);
      const ext = format === "markdown" ? ".md" : ".html";
      const model = buildModel(schema.files, schema.allFiles, {
        layout: layout as DocsModel["layout"],
        ext,
        generator: { name: DOCS_PLUGIN_NAME, version: PROTOGOV_VERSION },
      });
      if (format === "json") {
        yield { name: "docs.json", content: `${JSON.stringify(model, null, 2)}\n` };
      } else if (format === "html") {
        yield* buildSite(model, createRenderer("html", templates), templates, {
          title,
          ...(env.changelog ? { changelog: env.changelog } : {}),
        });
      } else {
        yield* markdownPages(model, templates, title);
      }
    },
  });
}

function withOverrides(env: DocsPluginEnv, dir: string): TemplateSet {
  if (dir === "") return env.templates;
  if (!env.loadTemplateDir) throw new PluginInputError(`${DOCS_PLUGIN_NAME}: the templates option is not available here`);
  try {
    return overlay(env.templates, env.loadTemplateDir(dir));
  } catch (e) {
    throw new PluginInputError(`${DOCS_PLUGIN_NAME}: templates=${dir}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function* markdownPages(model: DocsModel, templates: TemplateSet, title: string): Generator<PlainFile> {
  const renderer = createRenderer("markdown", templates);
  const generator = model.generator;
  for (const page of model.pages) yield { name: `${page.path}.md`, content: tidy(renderer.render("page", { ...page, generator })) };
  if (model.layout !== "single") {
    yield { name: "index.md", content: tidy(renderer.render("index", { title, packages: model.packages, generator })) };
  }
}

/** At most one blank line in a row and one final newline: templates stay readable, output stays clean. */
function tidy(markdown: string): string {
  return `${markdown.replace(/\n{3,}/g, "\n\n").trim()}\n`;
}

/**
 * protoc-gen-protogov-docs: API reference documentation from proto comments,
 * as Markdown pages, a static HTML site, or the view model as JSON. Pure: the
 * templates (and, with the `templates` option, a way to read the user's
 * template directory) are handed in by the caller: bin.ts under protoc or buf,
 * `protogov docs` in-process.
 */

import { PROTOGOV_VERSION } from "../../core/model/version.js";
import { definePlugin, PluginInputError, type ProtogovPlugin } from "../define-plugin.js";
import { defineOptions } from "../options.js";
import type { ChangelogInput } from "./changelog-page.js";
import { generateDocs } from "./generate.js";
import type { DocsFormat, Layout } from "./model.js";
import { overlay, type TemplateSet } from "./render.js";

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
    generateFiles(schema) {
      const { format, layout, title } = schema.options;
      return generateDocs(
        { files: schema.files, allFiles: schema.allFiles },
        {
          format: format as DocsFormat,
          layout: layout as Layout,
          title,
          templates: withOverrides(env, schema.options.templates),
          generator: { name: DOCS_PLUGIN_NAME, version: PROTOGOV_VERSION },
          changelog: env.changelog,
        },
      );
    },
  });
}

/** The user's template directory over the built-in templates (`templates` option). */
export function withOverrides(env: DocsPluginEnv, dir: string): TemplateSet {
  if (dir === "") return env.templates;
  if (!env.loadTemplateDir) throw new PluginInputError(`${DOCS_PLUGIN_NAME}: the templates option is not available here`);
  try {
    return overlay(env.templates, env.loadTemplateDir(dir));
  } catch (e) {
    throw new PluginInputError(`${DOCS_PLUGIN_NAME}: templates=${dir}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

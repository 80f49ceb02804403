/**
 * What the docs generator writes, shared by the protoc plugin (plugin.ts) and
 * `protogov docs` (core/features/docs/run-docs.ts, which feeds it straight from the
 * image). Files are produced lazily, one page at a time: a caller that writes
 * each file as it comes (protogov docs) never holds more than one rendered
 * page; a protoc plugin collects them into its response anyway.
 */
import type { DescFile } from "@bufbuild/protobuf";
import type { PlainFile } from "../define-plugin.js";
import { buildModel } from "./build-model.js";
import type { ChangelogInput } from "./changelog-page.js";
import { escapeModelComments } from "./comments.js";
import type { DocsFormat, DocsModel, Layout } from "./model.js";
import { createRenderer, type TemplateSet } from "./render.js";
import { siteFiles } from "./site.js";
import type { SourceLocations } from "./source-locations.js";

export interface DocsInput {
  /** The files to document, in request order. */
  files: readonly DescFile[];
  /** Every file (extensions declared in imports decode custom options). */
  allFiles: Iterable<DescFile>;
  /** Source locations of a file to document; by default its decoded source info. */
  locations?: (file: DescFile) => SourceLocations;
}

export interface DocsSettings {
  format: DocsFormat;
  layout: Layout;
  title: string;
  /** Built-in templates, already overlaid with the user's. */
  templates: TemplateSet;
  generator: DocsModel["generator"];
  /** Changes since a base: the HTML site gets a changelog page. */
  changelog?: ChangelogInput | undefined;
}

export function* generateDocs(input: DocsInput, settings: DocsSettings): Generator<PlainFile> {
  const { format, layout, title, templates, generator } = settings;
  const model = buildModel(input.files, input.allFiles, {
    layout,
    ext: format === "markdown" ? ".md" : ".html",
    generator,
    ...(input.locations ? { locations: input.locations } : {}),
  });
  if (format === "json") {
    yield { name: "docs.json", content: `${JSON.stringify(model, null, 2)}\n` };
  } else if (format === "html") {
    yield* siteFiles(model, createRenderer("html", templates), templates, {
      title,
      ...(settings.changelog ? { changelog: settings.changelog } : {}),
    });
  } else {
    yield* markdownPages(model, templates, title);
  }
}

function* markdownPages(original: DocsModel, templates: TemplateSet, title: string): Generator<PlainFile> {
  const renderer = createRenderer("markdown", templates);
  // Markdown templates print comments verbatim: HTML in a comment must arrive as text.
  const model = escapeModelComments(original);
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

/**
 * The static HTML site: an index of packages and services, the pages of the
 * view model, an optional changelog page, the search index and the assets
 * (CSS and the search script), all with relative links, so the site works
 * from file:// and from any static host, and makes no network request.
 *
 * Every page is rendered from the `html/` templates with one context shape
 * (SiteContext), so a user's override of `layout.hbs` sees the same data
 * everywhere.
 */
import type { PlainFile } from "../define-plugin.js";
import { type ChangelogInput, type ChangelogView, changelogView } from "./changelog-page.js";
import { linkTo } from "./links.js";
import type { DocsModel, PageDoc } from "./model.js";
import type { Renderer, TemplateSet } from "./render.js";
import { SearchIndex } from "./search-index.js";

export interface SiteOptions {
  title: string;
  changelog?: ChangelogInput;
}

/** What every HTML template receives. */
export interface SiteContext {
  /** The site title (option `title`). */
  title: string;
  /** This page's title. */
  pageTitle: string;
  kind: "index" | "page" | "changelog";
  /** Prefix from this page to the site root ("" or "../"). */
  root: string;
  /** The page's sections (kind "page"), else null. */
  page: PageDoc | null;
  /** Every package (for the index and the sidebar of the index). */
  packages: DocsModel["packages"];
  changelog: ChangelogView | null;
  hasChangelog: boolean;
  generator: DocsModel["generator"];
}

const ASSETS = "html/assets/";

/**
 * The site's files, one at a time: each page is rendered when the caller asks
 * for it, so a caller that writes and drops each file holds one page at most.
 */
export function* siteFiles(model: DocsModel, renderer: Renderer, templates: TemplateSet, opts: SiteOptions): Generator<PlainFile> {
  const hasChangelog = opts.changelog !== undefined;
  const base = { title: opts.title, packages: model.packages, hasChangelog, generator: model.generator, changelog: null };
  yield {
    name: "index.html",
    content: renderer.render("index", { ...base, pageTitle: opts.title, kind: "index", root: "", page: null }),
  };
  const search = new SearchIndex();
  for (const page of model.pages) {
    const context: SiteContext = { ...base, pageTitle: page.title, kind: "page", root: page.root, page };
    yield { name: `${page.path}.html`, content: renderer.render("page", context) };
    search.addPage(page);
  }
  if (opts.changelog) {
    const anchors = elementPages(model);
    const link = (fullName: string) => {
      const page = anchors.get(fullName);
      return page === undefined ? null : linkTo("changelog", page, fullName, ".html");
    };
    const changelog = changelogView(opts.changelog, link);
    const context: SiteContext = { ...base, pageTitle: "Changelog", kind: "changelog", root: "", page: null, changelog };
    yield { name: "changelog.html", content: renderer.render("changelog", context) };
  }
  yield { name: "search-index.js", content: search.script() };
  for (const [path, content] of templates) {
    if (path.startsWith(ASSETS)) yield { name: `assets/${path.slice(ASSETS.length)}`, content };
  }
}

/** Page of every anchored element, for the changelog's links. */
function elementPages(model: DocsModel): Map<string, string> {
  const pages = new Map<string, string>();
  for (const page of model.pages) {
    for (const s of page.sections) {
      const add = (fullName: string) => pages.set(fullName, page.path);
      const visit = (m: PageDoc["sections"][number]["messages"][number]): void => {
        add(m.fullName);
        for (const f of m.fields) add(f.fullName);
        m.messages.forEach(visit);
        for (const e of m.enums) add(e.fullName);
      };
      for (const svc of s.services) {
        add(svc.fullName);
        for (const m of svc.methods) add(m.fullName);
      }
      s.messages.forEach(visit);
      for (const e of s.enums) add(e.fullName);
    }
  }
  return pages;
}

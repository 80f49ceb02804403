/**
 * Builds the view model (model.ts) from the files to generate: one walk over
 * each file in declaration order, then one pass that resolves type links
 * against the elements actually documented (so a reference to an @exclude'd
 * or undocumented type is plain text, never a dead link). Linear in the size
 * of the request: googleapis (~7,000 files) is one walk.
 */
import type { DescFile } from "@bufbuild/protobuf";
import { FileComments, summaryOf } from "./comments.js";
import { enumDoc, type FileContext, fieldDoc, messageDoc, P, serviceDoc } from "./elements.js";
import { errorCatalog } from "./error-catalog.js";
import { LinkIndex, linkTo, packageAnchor, pageOf, rootOf } from "./links.js";
import type { DocsModel, Layout, MessageDoc, PackageSection, PackageSummary, PageDoc } from "./model.js";
import { MODEL_VERSION } from "./model.js";
import { OptionReader } from "./options-text.js";
import { locationsOf, type SourceLocations } from "./source-locations.js";

export interface BuildOptions {
  layout: Layout;
  /** Extension of page links (".md", ".html"). */
  ext: string;
  generator: { name: string; version: string };
  /**
   * Source locations of a file to document; by default its decoded source
   * info. `protogov docs` decodes them from the image's bytes, one file at a time.
   */
  locations?: (file: DescFile) => SourceLocations;
}

/**
 * `files` are the files to document, in request order; `allFiles` every file of
 * the request (extensions declared in imports decode custom options).
 */
export function buildModel(files: readonly DescFile[], allFiles: Iterable<DescFile>, opts: BuildOptions): DocsModel {
  const options = new OptionReader(allFiles);
  const refs: FileContext["refs"] = [];
  const pages = new Map<string, Map<string, PackageSection>>();
  const locations = opts.locations ?? ((file: DescFile) => locationsOf(file.proto.sourceCodeInfo));
  for (const file of files) {
    const pkg = file.proto.package;
    const page = pageOf(opts.layout, file);
    const comments = new FileComments(locations(file));
    if (comments.get([2]).excluded) continue;
    const sections = pages.get(page) ?? new Map<string, PackageSection>();
    pages.set(page, sections);
    const section = sections.get(pkg) ?? emptySection(pkg);
    sections.set(pkg, section);
    section.files.push(file.proto.name);
    if (section.description === "") section.description = comments.get([2]).text;

    const errors = errorCatalog(file, comments);
    section.errors.push(...errors);
    const errorLinks = new Map(errors.map((e) => [e.valueName, `#${encodeURI(e.anchor)}`]));
    const ctx: FileContext = { pkg, file: file.proto.name, page, comments, refs, options, errorLinks };
    for (const [i, s] of file.services.entries()) push(section.services, serviceDoc(ctx, s, [P.fileService, i]));
    for (const [i, m] of file.messages.entries()) push(section.messages, messageDoc(ctx, m, [P.fileMessage, i]));
    for (const [i, e] of file.enums.entries()) push(section.enums, enumDoc(ctx, e, [P.fileEnum, i]));
    for (const [i, x] of file.extensions.entries()) push(section.extensions, fieldDoc(ctx, x, [P.fileExtension, i]));
  }

  const links = new LinkIndex(opts.ext);
  const pageDocs: PageDoc[] = [...pages.keys()].sort().map((path) => {
    const sections = [...(pages.get(path)?.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    for (const s of sections) indexSection(links, path, s);
    return { path, title: pageTitle(opts.layout, path, sections), root: rootOf(path), sections };
  });
  for (const { ref, page } of refs) ref.link = links.link(ref.fullName, page);

  return {
    modelVersion: MODEL_VERSION,
    generator: opts.generator,
    layout: opts.layout,
    packages: packageSummaries(pageDocs),
    pages: pageDocs,
  };
}

function emptySection(name: string): PackageSection {
  return {
    name,
    anchor: packageAnchor(name),
    description: "",
    files: [],
    services: [],
    messages: [],
    enums: [],
    extensions: [],
    errors: [],
  };
}

function push<T>(list: T[], item: T | undefined): void {
  if (item !== undefined) list.push(item);
}

function pageTitle(layout: Layout, path: string, sections: PackageSection[]): string {
  if (layout === "single") return "API reference";
  if (layout === "file") return `${path}.proto`;
  return sections[0]?.name || path;
}

function indexSection(links: LinkIndex, page: string, s: PackageSection): void {
  const visit = (m: MessageDoc): void => {
    links.add(m.fullName, page);
    m.messages.forEach(visit);
    for (const e of m.enums) links.add(e.fullName, page);
  };
  s.messages.forEach(visit);
  for (const e of s.enums) links.add(e.fullName, page);
  for (const svc of s.services) links.add(svc.fullName, page);
}

/** The index: one entry per package, merging its sections across pages (layout=file). */
function packageSummaries(pages: PageDoc[]): PackageSummary[] {
  const byName = new Map<string, PackageSummary>();
  for (const page of pages) {
    for (const s of page.sections) {
      let summary = byName.get(s.name);
      if (!summary) {
        summary = { name: s.name, summary: "", page: page.path, anchor: s.anchor, services: [], files: [], errorCount: 0 };
        byName.set(s.name, summary);
      }
      if (summary.summary === "") summary.summary = summaryOf(s.description);
      summary.files.push(...s.files);
      summary.errorCount += s.errors.length;
      for (const svc of s.services) {
        summary.services.push({ name: svc.name, fullName: svc.fullName, anchor: svc.anchor, page: page.path, summary: svc.summary });
      }
    }
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Link from the output root (the index) to an anchor on a page. */
export function rootLink(page: string, anchor: string, ext: string): string {
  return linkTo("index", page, anchor, ext);
}

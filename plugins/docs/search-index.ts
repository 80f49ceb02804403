/**
 * The site's search index: every package, service, method, message, enum,
 * field, enum value and error reason; site.js matches every word of a query
 * against names (split at `_`, `.` and case changes) and summaries. It is written as a script (`search-index.js` sets
 * `window.PROTOGOV_SEARCH`) rather than JSON: pages opened from file:// cannot
 * fetch() a JSON file, but can load a script. The page loads it on the first
 * use of the search box only, and site.js expands it into rows of
 * `[kind, name, full name (or domain), href from the site root, summary]`.
 *
 * googleapis has ~220,000 entries, so the file stores only what site.js
 * cannot derive (the plain row form was 50 MB there, this one is ~10 MB):
 * entries are grouped by page and package; an element's full name is its
 * package plus its local name, its anchor is its full name, and its href the
 * page plus the anchor; fields are listed inside their message by name only.
 *
 *   { version: 2, sections: [[page, package, package anchor, package summary, entries]] }
 *   entry: [K_SERVICE | K_METHOD, local name, summary]
 *        | [K_MESSAGE, local name, summary, field names?]
 *        | [K_ENUM, local name, summary, value names?]
 *        | [K_ERROR, reason, domain, enum value full name, message]
 *        | [kind, name, full name, href, summary]   (anything that does not fit the rules above)
 */
import type { EnumDoc, MessageDoc, PageDoc } from "./model.js";

export type SearchKind = "package" | "service" | "method" | "message" | "enum" | "field" | "value" | "error";

/** Kind codes of compact entries (site.js has the same table). */
const K = { service: 1, error: 2, method: 3, message: 4, enum: 5 } as const;

type Entry = (number | string | string[])[];
type Section = [page: string, pkg: string, anchor: string, summary: string, entries: Entry[]];

const SUMMARY_MAX = 90;

function short(text: string): string {
  return text.length <= SUMMARY_MAX ? text : `${text.slice(0, SUMMARY_MAX - 1).trimEnd()}…`;
}

/** Collects the index page by page, so the site can render and release each page before the next. */
export class SearchIndex {
  private readonly sections: Section[] = [];

  addPage(page: PageDoc): void {
    const href = (anchor: string) => `${page.path}.html#${encodeURI(anchor)}`;
    for (const s of page.sections) {
      const entries: Entry[] = [];
      const pkg = s.name;
      const fits = (fullName: string, anchor: string, local: string) =>
        anchor === fullName && fullName === (pkg === "" ? local : `${pkg}.${local}`);
      const element = (kind: "service" | "method", name: string, el: { fullName: string; anchor: string; summary: string }) => {
        const summary = short(el.summary);
        entries.push(fits(el.fullName, el.anchor, name) ? [K[kind], name, summary] : [kind, name, el.fullName, href(el.anchor), summary]);
      };
      // Value anchors are the enum's full name plus the value (elements.ts), so they fit whenever the enum does.
      const enumEntry = (e: EnumDoc) => {
        const summary = short(e.summary);
        if (fits(e.fullName, e.anchor, e.localName)) {
          entries.push(e.values.length > 0 ? [K.enum, e.localName, summary, e.values.map((v) => v.name)] : [K.enum, e.localName, summary]);
          return;
        }
        entries.push(["enum", e.localName, e.fullName, href(e.anchor), summary]);
        for (const v of e.values) entries.push(["value", `${e.localName}.${v.name}`, v.anchor, href(v.anchor), ""]);
      };
      const visit = (m: MessageDoc): void => {
        const summary = short(m.summary);
        const fieldsFit = m.fields.every((f) => fits(f.fullName, f.anchor, `${m.localName}.${f.name}`));
        if (fits(m.fullName, m.anchor, m.localName) && fieldsFit) {
          entries.push(
            m.fields.length > 0 ? [K.message, m.localName, summary, m.fields.map((f) => f.name)] : [K.message, m.localName, summary],
          );
        } else {
          entries.push(["message", m.localName, m.fullName, href(m.anchor), summary]);
          for (const f of m.fields) entries.push(["field", `${m.localName}.${f.name}`, f.fullName, href(f.anchor), ""]);
        }
        m.messages.forEach(visit);
        m.enums.forEach(enumEntry);
      };
      for (const svc of s.services) {
        element("service", svc.localName, svc);
        for (const m of svc.methods) element("method", `${svc.name}.${m.name}`, m);
      }
      s.messages.forEach(visit);
      s.enums.forEach(enumEntry);
      for (const e of s.errors) {
        entries.push(
          e.anchor === `error:${e.valueName}`
            ? [K.error, e.reason, e.domain, e.valueName, short(e.message)]
            : ["error", e.reason, e.domain, href(e.anchor), short(e.message)],
        );
      }
      this.sections.push([page.path, pkg, s.anchor, short(s.description.split("\n\n")[0] ?? ""), entries]);
    }
  }

  /** The script form; JSON is valid JavaScript, and `<` is escaped so the text is also safe inline. */
  script(): string {
    return `window.PROTOGOV_SEARCH = ${JSON.stringify({ version: 2, sections: this.sections }).replace(/</g, "\\u003c")};\n`;
  }
}

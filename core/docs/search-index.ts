/**
 * The site's search index: one row per package, service, method, message,
 * enum, field and error reason, as compact arrays (googleapis has ~150,000
 * rows, so keys are not repeated). It is written as a script
 * (`search-index.js` sets `window.PROTOGOV_SEARCH`) rather than JSON: pages
 * opened from file:// cannot fetch() a JSON file, but can load a script. The
 * page loads it on the first use of the search box only.
 */
import type { DocsModel, MessageDoc, PageDoc } from "../../plugins/docs/model.js";

export type SearchKind = "package" | "service" | "method" | "message" | "enum" | "field" | "error";

/** [kind, name, full name (or domain), href from the site root, summary]. */
export type SearchRow = [SearchKind, string, string, string, string];

const SUMMARY_MAX = 90;

function short(text: string): string {
  return text.length <= SUMMARY_MAX ? text : `${text.slice(0, SUMMARY_MAX - 1).trimEnd()}…`;
}

export function searchRows(model: DocsModel): SearchRow[] {
  const rows: SearchRow[] = [];
  for (const page of model.pages) addPage(rows, page);
  return rows;
}

function addPage(rows: SearchRow[], page: PageDoc): void {
  const href = (anchor: string) => `${page.path}.html#${encodeURI(anchor)}`;
  const visit = (m: MessageDoc): void => {
    rows.push(["message", m.localName, m.fullName, href(m.anchor), short(m.summary)]);
    // Fields are most of the rows (googleapis: ~70%); without their summaries the index is less than half the size.
    for (const f of m.fields) rows.push(["field", `${m.localName}.${f.name}`, f.fullName, href(f.anchor), ""]);
    m.messages.forEach(visit);
    for (const e of m.enums) rows.push(["enum", e.localName, e.fullName, href(e.anchor), short(e.summary)]);
  };
  for (const s of page.sections) {
    rows.push(["package", s.name, s.name, href(s.anchor), short(s.description.split("\n\n")[0] ?? "")]);
    for (const svc of s.services) {
      rows.push(["service", svc.localName, svc.fullName, href(svc.anchor), short(svc.summary)]);
      for (const m of svc.methods) rows.push(["method", `${svc.name}.${m.name}`, m.fullName, href(m.anchor), short(m.summary)]);
    }
    s.messages.forEach(visit);
    for (const e of s.enums) rows.push(["enum", e.localName, e.fullName, href(e.anchor), short(e.summary)]);
    for (const e of s.errors) rows.push(["error", e.reason, e.domain, href(e.anchor), short(e.message)]);
  }
}

/** The script form; JSON is valid JavaScript, and `<` is escaped so the text is also safe inline. */
export function searchIndexScript(rows: SearchRow[]): string {
  return `window.PROTOGOV_SEARCH = ${JSON.stringify(rows).replace(/</g, "\\u003c")};\n`;
}

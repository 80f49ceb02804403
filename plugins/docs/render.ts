/**
 * Handlebars for the docs: one private environment per renderer
 * (`Handlebars.create()`), templates compiled in strict mode (a misspelt
 * property throws instead of printing nothing). Markdown templates compile
 * with `noEscape` (comments are already Markdown); HTML templates escape every
 * `{{...}}`, and the helpers below return SafeStrings only for HTML they built
 * from escaped parts.
 *
 * Templates come from a TemplateSet: `<format>/<name>.hbs` pages and
 * `<format>/partials/<name>.hbs` partials (registered by file name), built-in
 * ones overlaid by the user's (see templates.ts).
 */
import Handlebars from "handlebars";
import { escapeHtml, markdownToHtml } from "./markdown-html.js";
import type { FieldDoc, StreamingKind, TypeRef } from "./model.js";

/** Template files by path relative to the template root (`markdown/page.hbs`). */
export type TemplateSet = ReadonlyMap<string, string>;

/** Built-in templates overlaid with the user's: a file of the same path replaces the built-in one. */
export function overlay(base: TemplateSet, overrides: TemplateSet): TemplateSet {
  return new Map([...base, ...overrides]);
}

export interface Renderer {
  render(name: string, context: unknown): string;
}

type Format = "markdown" | "html";

export function createRenderer(format: Format, templates: TemplateSet): Renderer {
  const hb = Handlebars.create();
  registerCommonHelpers(hb);
  if (format === "markdown") registerMarkdownHelpers(hb);
  else registerHtmlHelpers(hb);
  const prefix = `${format}/partials/`;
  for (const [path, source] of templates) {
    if (path.startsWith(prefix) && path.endsWith(".hbs")) hb.registerPartial(path.slice(prefix.length, -4), source);
  }
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  return {
    render(name, context) {
      let template = compiled.get(name);
      if (!template) {
        const source = templates.get(`${format}/${name}.hbs`);
        if (source === undefined) throw new Error(`template ${format}/${name}.hbs is missing`);
        template = hb.compile(source, { strict: true, noEscape: format === "markdown", preventIndent: true });
        compiled.set(name, template);
      }
      return template(context);
    },
  };
}

function registerCommonHelpers(hb: typeof Handlebars): void {
  hb.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  hb.registerHelper("concat", (...args: unknown[]) => args.slice(0, -1).map(String).join(""));
  /** "stream " before the request (side "client") or response (side "server") of a streaming method. */
  hb.registerHelper("streamPrefix", (kind: StreamingKind, side: string) =>
    kind === "bidi_streaming" || kind === `${side}_streaming` ? "stream " : "",
  );
  hb.registerHelper("json", (value: unknown) => JSON.stringify(value));
}

/** Inline code that survives backticks and table pipes in the text. */
export function markdownCode(text: unknown): string {
  const s = String(text)
    .replace(/\s*\n\s*/g, " ")
    .replace(/\|/g, "\\|");
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = s.startsWith("`") || s.endsWith("`") ? " " : "";
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** A Markdown table cell: paragraphs joined with <br>, pipes escaped. */
export function markdownCell(text: unknown): string {
  return String(text)
    .trim()
    .replace(/\|/g, "\\|")
    .replace(/\n\s*\n/g, "<br><br>")
    .replace(/\n/g, " ");
}

/** Field behaviour, oneof, default and options as short notes; `code` and `text` escape for the format. */
function fieldNotes(f: FieldDoc, code: (s: string) => string, text: (s: string) => string): string[] {
  const notes: string[] = [];
  for (const b of f.fieldBehavior)
    notes.push(
      text(
        b
          .replace(/_/g, " ")
          .toLowerCase()
          .replace(/^./, (c) => c.toUpperCase()),
      ),
    );
  if (f.oneof) notes.push(`Oneof ${code(f.oneof)}`);
  if (f.defaultValue !== null) notes.push(`Default ${code(f.defaultValue)}`);
  for (const o of f.options) notes.push(`${code(o.name)} = ${code(o.value)}`);
  return notes;
}

function registerMarkdownHelpers(hb: typeof Handlebars): void {
  hb.registerHelper("mono", markdownCode);
  hb.registerHelper("cell", markdownCell);
  hb.registerHelper("typeLink", (ref: TypeRef) => (ref.link ? `[${markdownCode(ref.name)}](${ref.link})` : markdownCode(ref.name)));
  hb.registerHelper("fieldNotes", (f: FieldDoc) => {
    const notes = fieldNotes(f, markdownCode, (t) => t);
    return `${f.deprecated ? "**Deprecated.** " : ""}${notes.length > 0 ? `*${notes.join(". ")}.* ` : ""}`;
  });
}

function registerHtmlHelpers(hb: typeof Handlebars): void {
  const safe = (html: string) => new hb.SafeString(html);
  const code = (s: string) => `<code>${escapeHtml(s)}</code>`;
  hb.registerHelper("markdown", (text: string) => safe(markdownToHtml(text)));
  hb.registerHelper("typeLink", (ref: TypeRef) =>
    safe(ref.link ? `<a class="type" href="${escapeHtml(ref.link)}"><code>${escapeHtml(ref.name)}</code></a>` : code(ref.name)),
  );
  hb.registerHelper("fieldNotes", (f: FieldDoc) =>
    safe(
      fieldNotes(f, code, escapeHtml)
        .map((n) => `<span class="note">${n}</span>`)
        .join(" "),
    ),
  );
  hb.registerHelper("href", (...args: unknown[]) => args.slice(0, -1).map(String).join(""));
}

/**
 * Proto comments (Markdown) to HTML that is safe to put in a page whatever the
 * comment holds:
 * - raw HTML in a comment (`<script>`, `<img onerror=...>`) is shown as text;
 * - links keep only http(s), mailto, fragment and relative targets
 *   (`javascript:` and `data:` become plain text);
 * - images become links: the site makes no network request of its own;
 * - headings are demoted below the page's own (h4 and lower).
 * Plain one-paragraph comments, most of them in practice, skip the parser.
 */
import { Marked, type Tokens } from "marked";

const SAFE_URL = /^(https?:|mailto:|#|\.{0,2}\/|[\w.-]+(\/|#|$))/i;
/** Characters that can start Markdown syntax; text without them renders as one escaped paragraph. */
const MARKDOWN_SYNTAX = /[\\`*_[\]<>#|!&~]|^\s*([-+]|\d+[.)])\s|\n\s*\n|^ {4}|\n {4}|https?:/m;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function safeHref(href: string): string | undefined {
  const trimmed = href.trim();
  // Control characters and whitespace inside a scheme ("java\tscript:") are refused outright.
  if (/[\u0000-\u001f]/.test(trimmed)) return undefined;
  return SAFE_URL.test(trimmed) ? trimmed : undefined;
}

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(text);
    },
    heading({ tokens, depth }: Tokens.Heading): string {
      const level = Math.min(6, depth + 3);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    link({ href, title, tokens }: Tokens.Link): string {
      const text = this.parser.parseInline(tokens);
      const safe = safeHref(href);
      if (safe === undefined) return text;
      const titleAttr = title ? ` title="${escapeHtml(title)}"` : "";
      return `<a href="${escapeHtml(safe)}"${titleAttr} rel="noopener noreferrer">${text}</a>`;
    },
    image({ href, text }: Tokens.Image): string {
      const safe = safeHref(href);
      const label = escapeHtml(text || href);
      return safe === undefined ? label : `<a href="${escapeHtml(safe)}" rel="noopener noreferrer">${label}</a>`;
    },
  },
});

/**
 * Comments repeat a lot (googleapis documents most APIs in several versions,
 * and standard fields such as `name` or `page_token` carry the same text), so
 * parsed ones are kept; the cache is emptied when it gets large.
 */
const parsed = new Map<string, string>();
const PARSED_MAX = 20_000;

/** Renders a comment; "" stays "". */
export function markdownToHtml(markdown: string): string {
  if (markdown === "") return "";
  if (!MARKDOWN_SYNTAX.test(markdown)) return `<p>${escapeHtml(markdown)}</p>\n`;
  let html = parsed.get(markdown);
  if (html === undefined) {
    html = marked.parse(markdown, { async: false });
    if (parsed.size >= PARSED_MAX) parsed.clear();
    parsed.set(markdown, html);
  }
  return html;
}

/**
 * Comments of one file, looked up by source path. protoplugin's getComments
 * scans every location of the file for each element, which is quadratic on
 * large files (googleapis' compute.proto has ~10,000 elements and ~300,000
 * locations), so the file's locations are indexed once here.
 *
 * Comments are Markdown: the one leading space after `//` is removed, the rest
 * of the indentation kept (code blocks). An element whose comment holds the
 * marker `@exclude` (or `@hide`) is left out of the documentation, together
 * with everything nested in it. Tool directives (`protogov:ignore`,
 * `buf:lint:ignore`, `(-- api-linter: ... --)`) are not documentation and are
 * dropped (core/model/findings/directives.ts).
 */
import { withoutDirectives } from "../../core/model/findings/directives.js";
import type { SourceLocations } from "./source-locations.js";

export interface ElementComments {
  /** Leading comment, else trailing, as Markdown ("" when none). */
  text: string;
  excluded: boolean;
  /** 1-based line of the declaration, or null. */
  line: number | null;
}

const NONE: ElementComments = { text: "", excluded: false, line: null };
const EXCLUDE = /(^|\s)@(exclude|hide)\b/;

export class FileComments {
  /** `locations`: see source-locations.ts (decoded from the request, or lazily from the image's bytes). */
  constructor(private readonly locations: SourceLocations) {}

  get(path: readonly number[]): ElementComments {
    const loc = this.locations.get(path.join("."));
    if (!loc) return NONE;
    // `||`, not `??`: a decoded proto2 string that is not set reads as "", and a trailing comment must still count.
    const raw = loc.leading || loc.trailing || "";
    const excluded = EXCLUDE.test(raw);
    const text = excluded ? "" : withoutDirectives(cleanComment(raw));
    return { text, excluded, line: loc.line === undefined ? null : loc.line + 1 };
  }
}

/** Strips the one space after `//`, trailing spaces and surrounding blank lines. */
export function cleanComment(raw: string): string {
  if (raw === "") return "";
  const out = raw
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => (l.startsWith(" ") ? l.slice(1) : l).trimEnd());
  while (out.length > 0 && out[out.length - 1]?.trim() === "") out.pop();
  while (out.length > 0 && out[0]?.trim() === "") out.shift();
  return out.join("\n");
}

/** The first paragraph on one line, for tables, the index and search results. */
export function summaryOf(markdown: string, max = 200): string {
  if (markdown === "") return "";
  const end = markdown.search(/\n\s*\n/);
  const first = (end < 0 ? markdown : markdown.slice(0, end)).replace(/\s+/g, " ").trim();
  return first.length <= max ? first : `${first.slice(0, max - 1).trimEnd()}…`;
}

/**
 * A comment made safe to print in Markdown: `<` outside code spans and fenced
 * blocks becomes `&lt;`, so `<script>` or `<img onerror=...>` in a .proto
 * comment is shown as text by every Markdown renderer instead of becoming
 * HTML (the HTML site sanitises through markdownToHtml instead). Code keeps
 * its characters: inside backticks Markdown shows them literally anyway.
 */
export function escapeCommentHtml(markdown: string): string {
  const parts = markdown.split(/(^ {0,3}(?:```|~~~)[^\n]*\n[\s\S]*?^ {0,3}(?:```|~~~)[ \t]*$)/m);
  return parts.map((part, i) => (i % 2 === 1 ? part : part.replace(/(`+)[\s\S]*?\1|</g, (m) => (m === "<" ? "&lt;" : m)))).join("");
}

/** Every `description` and `summary` in a view model, made safe for Markdown (escapeCommentHtml). */
export function escapeModelComments<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => escapeModelComments(v)) as T;
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = (key === "description" || key === "summary") && typeof v === "string" ? escapeCommentHtml(v) : escapeModelComments(v);
  }
  return out as T;
}

/**
 * Which element of a .proto file each line belongs to, from the text alone
 * (no compile): `acme.users.v1.User.name` for a field's line, the innermost
 * enclosing message, enum, service or oneof for the lines inside it, the
 * package for the lines outside every block. The baseline fingerprints a
 * finding by its element instead of its line, so inserting lines above it or
 * editing another element does not make an old finding new, and the hook tells
 * which elements a change touched from the lines it changed.
 */

const BLOCK = /^(message|enum|service|oneof|extend)\s+([A-Za-z_][\w.]*)\s*\{?/;
const RPC = /^rpc\s+([A-Za-z_]\w*)\s*\(/;
const FIELD =
  /^(?:(?:repeated|optional|required)\s+)?(?:map\s*<[^>]*>|[.A-Za-z_][\w.]*)\s+([A-Za-z_]\w*)\s*=\s*-?\d+|^([A-Za-z_]\w*)\s*=\s*-?\d+/;
const PACKAGE = /^package\s+([A-Za-z_][\w.]*)\s*;/;

export interface ElementOutline {
  /** The element at a 1-based line ("" when the file has no package and the line is outside every block). */
  at(line: number): string;
}

export function outlineProto(text: string): ElementOutline {
  const lines = text.split("\n");
  const byLine: string[] = new Array(lines.length + 1).fill("");
  let pkg = "";
  const stack: string[] = [];
  let inBlockComment = false;
  const qualified = (name: string): string => [pkg, ...stack, name].filter((p) => p !== "").join(".");
  for (let i = 0; i < lines.length; i++) {
    let code = stripComments(lines[i] ?? "", inBlockComment);
    inBlockComment = code.inBlockComment;
    const trimmed = code.text.trim();
    let declared: string | undefined;
    const pkgMatch = PACKAGE.exec(trimmed);
    if (pkgMatch?.[1]) pkg = pkgMatch[1];
    const block = BLOCK.exec(trimmed);
    const rpc = RPC.exec(trimmed);
    const field = FIELD.exec(trimmed);
    if (block?.[2]) declared = qualified(block[2]);
    else if (rpc?.[1]) declared = qualified(rpc[1]);
    else if (field) declared = qualified(field[1] ?? field[2] ?? "");
    byLine[i + 1] = declared ?? (stack.length > 0 ? qualified("") : pkg);
    // Braces move the nesting: a block's name enters on its `{`, anything else opened (options, rpc bodies) as "".
    code = { ...code, text: code.text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, "") };
    let pendingName = block?.[2] ?? rpc?.[1];
    for (const ch of code.text) {
      if (ch === "{") {
        stack.push(pendingName ?? "");
        pendingName = undefined;
      } else if (ch === "}") {
        stack.pop();
      }
    }
  }
  return { at: (line) => byLine[line] ?? pkg };
}

/** The code part of a line, given whether it starts inside a block comment. */
function stripComments(line: string, inBlockComment: boolean): { text: string; inBlockComment: boolean } {
  let out = "";
  let i = 0;
  let inside = inBlockComment;
  while (i < line.length) {
    if (inside) {
      const end = line.indexOf("*/", i);
      if (end < 0) return { text: out, inBlockComment: true };
      i = end + 2;
      inside = false;
      continue;
    }
    const ch = line[i];
    if (ch === '"' || ch === "'") {
      const close = closingQuote(line, i);
      out += line.slice(i, close + 1);
      i = close + 1;
      continue;
    }
    if (line.startsWith("//", i)) break;
    if (line.startsWith("/*", i)) {
      inside = true;
      i += 2;
      continue;
    }
    out += ch;
    i++;
  }
  return { text: out, inBlockComment: inside };
}

function closingQuote(line: string, start: number): number {
  const quote = line[start];
  for (let i = start + 1; i < line.length; i++) {
    if (line[i] === "\\") i++;
    else if (line[i] === quote) return i;
  }
  return line.length - 1;
}

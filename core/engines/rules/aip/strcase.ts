/**
 * api-linter's snake_case (github.com/stoewer/go-strcase SnakeCase), ported
 * character for character: a rule that derives a field name from a method name
 * (`UpdateBookShelf` wants `book_shelf`) must derive exactly what api-linter does.
 */

const isLower = (ch: string | undefined): boolean => ch !== undefined && ch >= "a" && ch <= "z";
const isUpper = (ch: string | undefined): boolean => ch !== undefined && ch >= "A" && ch <= "Z";
const isDelimiter = (ch: string | undefined): boolean =>
  ch === "_" || ch === "-" || ch === " " || ch === "\t" || ch === "\n" || ch === "\r";
const lower = (ch: string): string => (isUpper(ch) ? ch.toLowerCase() : ch);

export function snakeCase(input: string): string {
  const s = input.trim();
  let out = "";
  let prev: string | undefined;
  let curr: string | undefined;
  for (const next of s) {
    if (isDelimiter(curr)) {
      if (!isDelimiter(prev)) out += "_";
    } else if (isUpper(curr)) {
      if (isLower(prev) || (isUpper(prev) && isLower(next))) out += "_";
      out += lower(curr as string);
    } else if (curr !== undefined) {
      out += lower(curr);
    }
    prev = curr;
    curr = next;
  }
  if (s.length > 0 && curr !== undefined) {
    if (isUpper(curr) && isLower(prev)) out += "_";
    out += lower(curr);
  }
  return out;
}

/** api-linter's utils.toCamelCase: drops anything but letters and digits, a delimiter (`-_ .`) starts a word. */
function toCamelCase(s: string, upperFirst: boolean, lowerFirst: boolean): string {
  let out = "";
  let makeNextUpper = upperFirst;
  let makeNextLower = lowerFirst;
  for (const r of s) {
    if (r >= "a" && r <= "z") out += makeNextUpper ? r.toUpperCase() : r;
    else if (r >= "A" && r <= "Z") {
      out += makeNextLower ? r.toLowerCase() : r;
      makeNextLower = false;
    } else if (r >= "0" && r <= "9") out += r;
    makeNextUpper = false;
    makeNextLower = false;
    if (r === "-" || r === "_" || r === " " || r === ".") makeNextUpper = true;
  }
  return out;
}

export const upperCamelCase = (s: string): string => toCamelCase(s, true, false);
export const lowerCamelCase = (s: string): string => toCamelCase(s, false, true);

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= "0" && ch <= "9";

/** github.com/stoewer/go-strcase UpperCamelCase, ported character for character. */
export const strcaseUpperCamel = (input: string): string => strcaseCamel(input, true);
/** github.com/stoewer/go-strcase LowerCamelCase. */
export const strcaseLowerCamel = (input: string): string => strcaseCamel(input, false);

function strcaseCamel(input: string, upperFirst: boolean): string {
  const s = input.trim();
  const chars = [...s];
  let out = "";
  for (const [i, curr] of chars.entries()) {
    const prev = chars[i - 1];
    const next = chars[i + 1];
    if (isDelimiter(curr)) continue;
    if (isDelimiter(prev) || (upperFirst && prev === undefined)) out += upper(curr);
    else if (isLower(prev)) out += curr;
    else if (isUpper(prev) && isUpper(curr) && isLower(next)) out += curr;
    else if (isUpper(curr) && isDigit(prev)) out += curr;
    else out += lower(curr);
  }
  return out;
}

const upper = (ch: string): string => (isLower(ch) ? ch.toUpperCase() : ch);

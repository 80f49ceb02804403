/**
 * What a breaking finding tells the author to do: how to make the change
 * without breaking consumers, and how to accept it when the break is meant
 * (the exact comment or protogov.yaml entry). buf's findings and protogov's
 * own get the same hints, by rule family.
 */
import type { Finding } from "../../model/findings/finding.js";

const FIXES: readonly [RegExp, string][] = [
  [
    /^FIELD_(NO_DELETE|REMOVED)/,
    'to retire a field: deprecate it first (`[deprecated = true]`), and when it goes, reserve its number and name (`reserved 4; reserved "old_name";`) so they are never reused',
  ],
  [
    /^ENUM_VALUE_(NO_DELETE|REMOVED)/,
    'to retire a value: deprecate it first, and when it goes, reserve its number and name in the enum (`reserved 3; reserved "OLD_VALUE";`)',
  ],
  [
    /^(RPC|METHOD)_(NO_DELETE|REMOVED)/,
    "deprecate the method first (`option deprecated = true;`) and remove it in a new major version of the package",
  ],
  [/^(SERVICE|MESSAGE|ENUM)_(NO_DELETE|REMOVED)/, "deprecate it first and remove it in a new major version of the package (e.g. v2)"],
  [
    /^FILE_NO_DELETE|^FILE_REMOVED/,
    "keep the file until a new major version of its package; move types with care (their full names must not change)",
  ],
  [
    /^FIELD_SAME_|^FIELD_WIRE|^FIELD_TYPE|^FIELD_CARDINALITY|^FIELD_NUMBER/,
    "leave the field as it was and add a new field with a new number; deprecate the old one",
  ],
  [/^FILE_SAME_PACKAGE|^PACKAGE_/, "publish the change under a new package version (e.g. `acme.users.v2`) and keep the old one"],
  [/^ERROR_/, "error numbers, reasons and codes are what clients match on: add a new error value instead of changing this one"],
];

const DEFAULT_FIX = "if the change is meant, release it as a new major version; otherwise restore what the base had";

/** The finding with its hint: the fix, then how to accept it (for findings that fail the run). */
export function withBreakingHint(f: Finding): Finding {
  if (f.hint) return f;
  const fix = FIXES.find(([pattern]) => pattern.test(f.rule))?.[1] ?? DEFAULT_FIX;
  if (f.severity !== "error") return { ...f, hint: fix };
  const where = f.file ? `, path: ${f.file}` : "";
  const accept = `to accept it: \`// protogov:allow-breaking ${f.rule} <reason>\` on the line, or in protogov.yaml \`breaking.accept: [{ rule: ${f.rule}${where}, reason: "<why>" }]\``;
  return { ...f, hint: `${fix}; ${accept}` };
}

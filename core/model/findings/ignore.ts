/**
 * Drops findings the user chose to ignore: by path (lint.ignore), by rule and
 * path (lint.ignore_only), and by a `protogov:ignore RULE` comment on the line
 * or in the comment block right above it. The comment form works for buf's
 * rules too, so users learn one syntax (buf's own `buf:lint:ignore` also works).
 */
import type { LintConfig } from "../config/protogov-config.js";
import { commentsAt, SourceLines } from "./comments.js";
import type { Finding } from "./finding.js";

const IGNORE_MARK = /protogov:ignore(?:[ \t]+([A-Z0-9_, \t]+))?/;

function underPath(file: string, prefix: string): boolean {
  const p = prefix.replace(/\/+$/, "");
  return p === "." || p === "" || file === p || file.startsWith(`${p}/`);
}

/** Drops findings under `ignore` paths, or under `ignoreOnly[rule]` paths (buf's breaking.ignore / ignore_only). */
export function dropIgnoredPaths(
  findings: readonly Finding[],
  ignore: readonly string[],
  ignoreOnly: Readonly<Record<string, string[]>>,
): Finding[] {
  if (ignore.length === 0 && Object.keys(ignoreOnly).length === 0) return [...findings];
  return findings.filter(
    (f) => !f.file || !(ignore.some((p) => underPath(f.file, p)) || (ignoreOnly[f.rule] ?? []).some((p) => underPath(f.file, p))),
  );
}

export function applyIgnores(findings: readonly Finding[], lint: LintConfig, root: string): Finding[] {
  const sources = new SourceLines(root, "protogov:ignore");
  return findings.filter((f) => {
    if (!f.file) return true;
    if (dropIgnoredPaths([f], lint.ignore, lint.ignoreOnly).length === 0) return false;
    // Compile errors and format diffs are not opinions: they cannot be silenced by a comment.
    if (f.rule === "COMPILE" || f.rule === "FORMAT" || f.line < 1) return true;
    const lines = sources.of(f.file);
    return !(lines && commentsAt(lines, f.line).some((text) => ignores(text, f.rule)));
  });
}

function ignores(text: string, rule: string): boolean {
  const m = IGNORE_MARK.exec(text);
  if (!m) return false;
  const rules = (m[1] ?? "").split(/[\s,]+/).filter(Boolean);
  return rules.length === 0 || rules.includes(rule);
}

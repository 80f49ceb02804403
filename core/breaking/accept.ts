/**
 * Deliberate breaks. A breaking finding is accepted by a `breaking.accept`
 * entry in protogov.yaml or by a `// protogov:allow-breaking RULE reason`
 * comment on (or right above) the line it is reported at. Accepted findings
 * stay in the report as warnings carrying their reason, so reviewers still
 * see them, but they no longer fail the run.
 */
import type { AcceptedBreak } from "../config/types.js";
import { commentsAt, SourceLines } from "../findings/comments.js";
import type { Finding } from "../findings/finding.js";
import { allowedByComment, nameMatches, ruleMatches } from "./allow.js";

export function applyAccepted(findings: readonly Finding[], accepted: readonly AcceptedBreak[], root: string): Finding[] {
  const sources = new SourceLines(root, "protogov:allow-breaking");
  return findings.map((f) => {
    if (f.severity === "warn") return f; // already accepted (by the diff engine) or never failing
    const reason = acceptedByConfig(f, accepted) ?? acceptedByComment(f, sources);
    if (reason === undefined) return f;
    return { ...f, severity: "warn", message: `${f.message} (accepted: ${reason})` };
  });
}

function acceptedByConfig(f: Finding, accepted: readonly AcceptedBreak[]): string | undefined {
  const entry = accepted.find(
    (a) =>
      ruleMatches(a.rule, f.rule) &&
      (a.path === undefined || f.file === a.path || f.file.startsWith(`${a.path.replace(/\/+$/, "")}/`)) &&
      nameMatches(a.name, undefined, f.message),
  );
  return entry ? `${entry.reason} [protogov.yaml]` : undefined;
}

function acceptedByComment(f: Finding, sources: SourceLines): string | undefined {
  if (!f.file || f.line < 1) return undefined;
  const lines = sources.of(f.file);
  if (!lines) return undefined;
  return allowedByComment(commentsAt(lines, f.line), f.rule);
}

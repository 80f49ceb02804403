/**
 * Deliberate breaks, in one place: what accepts a break, and where it applies.
 *
 * A break is accepted by
 * - a `breaking.accept` entry in protogov.yaml: `rule` (an id or `*`), and
 *   optionally `path` (a project-relative file or directory: buf's findings)
 *   and `name`, text that the changed element's full name or the message must
 *   contain (a trailing `*` makes it a prefix of the full name: `acme.users.v1.*`);
 * - a comment `protogov:allow-breaking RULE reason`, where RULE is a rule id
 *   (buf's `FIELD_NO_DELETE` or protogov's `FIELD_REMOVED`) or `*`.
 *
 * It applies to buf's breaking findings (applyAccepted: the comment on or right
 * above the reported line) and to protogov's API changes (applyAcceptance: the
 * comment on the changed element or any element around it; for a removed field
 * the message it was removed from, then its parents, then the file's package or
 * syntax statement). Accepted findings stay in the report as warnings with
 * their reason; an accepted change stays in the diff and still counts for the
 * semver bump (see bump.ts): the break still happens to consumers.
 */
import type { AnyDesc, DescFile } from "@bufbuild/protobuf";
import type { AcceptedBreak } from "../../model/config/protogov-config.js";
import { commentsAt, SourceLines } from "../../model/findings/comments.js";
import type { Finding } from "../../model/findings/finding.js";
import type { ApiChange } from "./api-diff.js";
import type { DiffContext } from "./context.js";
import { fileOf, SOURCE_PATH } from "./source-index.js";

// The directive and the entry's matchers.

const DIRECTIVE = /protogov:allow-breaking[ \t]+(\S+)[ \t]*([^\n]*)/g;

/** The reason shown when a directive or entry gives none. */
export const NO_REASON = "no reason given";

export function ruleMatches(pattern: string, rule: string): boolean {
  return pattern === "*" || pattern === rule;
}

/** The reason of the first directive in `texts` that accepts `rule`, or undefined. */
export function allowedByComment(texts: Iterable<string>, rule: string): string | undefined {
  for (const text of texts) {
    for (const m of text.matchAll(DIRECTIVE)) {
      if (ruleMatches(m[1] ?? "", rule)) return (m[2] ?? "").trim() || NO_REASON;
    }
  }
  return undefined;
}

/** Whether an entry's `name` selects a change to `element` (its full name, when known) reported as `message`. */
export function nameMatches(name: string | undefined, element: string | undefined, message: string): boolean {
  if (name === undefined || name === "") return true;
  if (name.endsWith("*")) return element?.startsWith(name.slice(0, -1)) ?? message.includes(name.slice(0, -1));
  return (element?.includes(name) ?? false) || message.includes(name);
}

// buf's breaking findings.

/**
 * The entries the diff matches on its changes. An entry with a `path` names a
 * place in the sources, which only a finding has: it is matched on findings
 * (applyAccepted), for buf's and protogov's alike.
 */
export function entriesForDiff(accepted: readonly AcceptedBreak[]): AcceptedBreak[] {
  return accepted.filter((a) => !a.path).map((a) => ({ rule: a.rule, name: a.name, reason: a.reason }));
}

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

// protogov's API changes.

export function applyAcceptance(ctx: DiffContext): void {
  for (const change of ctx.changes) {
    if (change.classification !== "breaking") continue;
    const byConfig = (ctx.opts.accept ?? []).find((a) => matches(a, change));
    if (byConfig) {
      change.accepted = { reason: byConfig.reason, via: "config" };
      continue;
    }
    const anchor = ctx.anchors.get(change);
    const start = anchor?.new ?? sameFileInNewTree(ctx, anchor?.old);
    const reason = start && findDirective(ctx, start, change.rule);
    if (reason !== undefined) change.accepted = { reason, via: "comment" };
  }
}

function matches(a: AcceptedBreak, change: ApiChange): boolean {
  return ruleMatches(a.rule, change.rule) && nameMatches(a.name, change.name, change.message);
}

/** For a removed top-level element: the file of the same name in the new tree, if it still exists. */
function sameFileInNewTree(ctx: DiffContext, old: AnyDesc | undefined): DescFile | undefined {
  return old && ctx.new.registry.getFile(fileOf(old).proto.name);
}

function findDirective(ctx: DiffContext, start: AnyDesc, rule: string): string | undefined {
  const sources = ctx.new.sources;
  for (let desc: AnyDesc | undefined = start; desc; desc = parentOf(desc)) {
    const texts: string[] = [];
    if (desc.kind === "file") {
      for (const field of [SOURCE_PATH.file.package, SOURCE_PATH.file.syntax]) {
        const loc = sources.location(desc, [field]);
        if (loc) texts.push(loc.leadingComments ?? "", loc.trailingComments ?? "", ...loc.leadingDetachedComments);
      }
    } else {
      const c = sources.comments(desc);
      texts.push(c.leading, c.trailing);
    }
    const reason = allowedByComment(texts, rule);
    if (reason !== undefined) return reason;
  }
  return undefined;
}

function parentOf(desc: AnyDesc): AnyDesc | undefined {
  switch (desc.kind) {
    case "file":
      return undefined;
    case "field":
    case "oneof":
    case "enum_value":
    case "rpc":
      return desc.parent;
    case "service":
      return desc.file;
    default:
      return desc.parent ?? desc.file;
  }
}

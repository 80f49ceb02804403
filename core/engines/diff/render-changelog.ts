/**
 * The API changelog of a diff: the semver bump first, then the changes grouped
 * by classification (Breaking changes, Features, Documentation, Internal) and
 * within each by package, one line per change. Within a package, changes keep
 * the order the diff found them in (file by file, in declaration order), which
 * reads like the source. Every line carries its conventional-commit tag
 * (commit-tags.ts); the `commit` format prints only `tag: change` lines, the
 * way googleapis commit messages list them.
 */

import type { ApiChange, ApiDiff, Classification } from "./api-diff.js";
import { CLASSIFICATIONS } from "./classification.js";
import { commitLines, commitTag } from "./commit-tags.js";

export type ChangelogFormat = "markdown" | "text" | "json" | "commit";

export const CHANGELOG_FORMATS: readonly ChangelogFormat[] = ["markdown", "text", "json", "commit"];

const TITLES: Record<Classification, string> = {
  breaking: "Breaking changes",
  feature: "Features",
  docs: "Documentation",
  internal: "Internal",
};

interface Group {
  classification: Classification;
  title: string;
  packages: { package: string; changes: ApiChange[] }[];
}

export function groupChanges(changes: readonly ApiChange[]): Group[] {
  const groups: Group[] = [];
  for (const classification of CLASSIFICATIONS) {
    const byPackage = new Map<string, ApiChange[]>();
    for (const c of changes) {
      if (c.classification !== classification) continue;
      const pkg = c.package ?? "";
      const list = byPackage.get(pkg);
      if (list) list.push(c);
      else byPackage.set(pkg, [c]);
    }
    if (byPackage.size === 0) continue;
    const packages = [...byPackage.keys()].sort().map((pkg) => ({ package: pkg, changes: byPackage.get(pkg) ?? [] }));
    groups.push({ classification, title: TITLES[classification], packages });
  }
  return groups;
}

export function countChanges(changes: readonly ApiChange[]): Record<Classification, number> {
  const counts: Record<Classification, number> = { breaking: 0, feature: 0, docs: 0, internal: 0 };
  for (const c of changes) counts[c.classification]++;
  return counts;
}

export function renderChangelog(diff: ApiDiff, format: ChangelogFormat): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(renderJson(diff), null, 2)}\n`;
    case "markdown":
      return renderMarkdown(diff);
    case "text":
      return renderText(diff);
    case "commit":
      return commitLines(diff.changes)
        .map((l) => `${l}\n`)
        .join("");
  }
}

function renderJson(diff: ApiDiff) {
  const groups = groupChanges(diff.changes);
  return {
    bump: diff.bump,
    counts: countChanges(diff.changes),
    changes: groups.flatMap((g) => g.packages.flatMap((p) => p.changes)),
  };
}

function summary(diff: ApiDiff): string {
  const counts = countChanges(diff.changes);
  const parts = [
    plural(counts.breaking, "breaking change"),
    plural(counts.feature, "feature"),
    plural(counts.docs, "documentation change"),
    plural(counts.internal, "internal change"),
  ].filter((p) => p !== "");
  return parts.join(", ");
}

function renderMarkdown(diff: ApiDiff): string {
  const out = ["# API changes", ""];
  if (diff.changes.length === 0) return "# API changes\n\nNo API changes. Semver bump: **none**.\n";
  out.push(`Semver bump: **${diff.bump}** (${summary(diff)}).`);
  for (const group of groupChanges(diff.changes)) {
    out.push("", `## ${group.title}`);
    for (const pkg of group.packages) {
      out.push("", `### ${pkg.package === "" ? "(no package)" : `\`${pkg.package}\``}`, "");
      for (const c of pkg.changes) out.push(`- \`${tagOf(c)}\` ${c.message}${acceptedNote(c)}${markdownLocation(c)}`);
    }
  }
  return `${out.join("\n")}\n`;
}

function renderText(diff: ApiDiff): string {
  if (diff.changes.length === 0) return "No API changes. Semver bump: none.\n";
  const out = [`Semver bump: ${diff.bump} (${summary(diff)})`];
  for (const group of groupChanges(diff.changes)) {
    out.push("", `${group.title}:`);
    for (const pkg of group.packages) {
      out.push(`  ${pkg.package === "" ? "(no package)" : pkg.package}`);
      for (const c of pkg.changes) {
        const where = c.new ?? c.old;
        const at = where ? `  ${where.file}:${where.line}:${where.column}` : "";
        out.push(`    ${c.message}${acceptedNote(c)}  [${c.rule} ${tagOf(c)}]${at}`);
      }
    }
  }
  return `${out.join("\n")}\n`;
}

/** Where the change is (the new tree, or the base for a removal), as code so paths keep their underscores. */
function markdownLocation(c: ApiChange): string {
  const where = c.new ?? c.old;
  return where ? ` (\`${where.file}:${where.line}\`)` : "";
}

function tagOf(c: ApiChange): string {
  return c.tag ?? commitTag(c.rule, c.kind, c.classification);
}

function acceptedNote(c: ApiChange): string {
  if (!c.accepted) return "";
  const why = c.accepted.reason === "" ? "" : `: ${c.accepted.reason}`;
  return ` (accepted${why})`;
}

function plural(n: number, noun: string): string {
  if (n === 0) return "";
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

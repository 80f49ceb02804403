/**
 * The result of `protogov publish` as data, and its text rendering: per
 * target what was (or, with --dry-run, would be) released where, the version
 * step, the files that change and the changelog.
 */
import { goModulePath } from "../generate/packages/go-module.js";
import type { FileChange } from "./destinations/git-repo.js";
import type { ReleasePlan } from "./release-plan.js";
import { appliedBump, bumpLabel } from "./release-version.js";

export type PublishStatus = "planned" | "published" | "unchanged" | "failed" | "not-attempted";

export interface PublishEntry {
  plan: ReleasePlan;
  status: PublishStatus;
  gitChanges: FileChange[] | undefined;
  /** What happened (published where), or the scrubbed error message. */
  detail: string;
  error?: unknown;
}

export interface PublishReport {
  dryRun: boolean;
  entries: PublishEntry[];
}

const MAX_LISTED_FILES = 20;
/** Package manifests and the changelog are listed first, so a cut listing still shows them. */
const PACKAGE_FILES = new Set(["composer.json", "package.json", "go.mod", "pyproject.toml", "pom.xml", "CHANGELOG.md"]);
const packageFilesFirst = (changes: FileChange[]): FileChange[] => [
  ...changes.filter((c) => PACKAGE_FILES.has(c.path.split("/").at(-1) ?? "")),
  ...changes.filter((c) => !PACKAGE_FILES.has(c.path.split("/").at(-1) ?? "")),
];

export function renderPublishReport(report: PublishReport): string {
  const out: string[] = [];
  for (const entry of report.entries) {
    const { plan } = entry;
    const from = plan.last?.version ? `${plan.last.version} → ` : plan.last ? "" : "(first release) ";
    const version = plan.version
      ? `${from}${plan.version} (${plan.last ? bumpLabel(plan.last.version, plan.bump) : "initial"})`
      : plan.last?.version
        ? `${plan.last.version}, no new version`
        : "untagged";
    out.push(`${plan.target.name}: ${version}`);
    if (report.dryRun) {
      const npm = plan.target.publish.npm;
      if (npm) {
        out.push(
          plan.version
            ? `  would publish ${plan.target.package?.name ?? plan.target.name}@${plan.version} to ${npm.registry}`
            : "  npm: nothing to release",
        );
      }
      const git = plan.target.publish.git;
      if (git) {
        const changes = packageFilesFirst(entry.gitChanges ?? []);
        out.push(
          `  git: ${changes.length === 0 ? "no file changes, no commit" : `${changes.length} file change(s) on branch ${git.branch}`}`,
        );
        for (const c of changes.slice(0, MAX_LISTED_FILES))
          out.push(
            `    ${c.status === "added" ? "A" : c.status === "deleted" ? "D" : "M"} ${c.path}${c.foreign ? " (not published by protogov)" : ""}`,
          );
        if (changes.length > MAX_LISTED_FILES) out.push(`    ... and ${changes.length - MAX_LISTED_FILES} more`);
        const tag = releaseTag(plan);
        if (tag) out.push(`  git: would tag ${tag}`);
        const module = goModule(plan);
        if (module) out.push(`  go: module ${module}; consumers run: go get ${module}@v${plan.gitVersion ?? ""}`);
        const foreign = git.replaceForeign ? [] : changes.filter((c) => c.foreign);
        if (foreign.length > 0) {
          out.push(
            `  git: would refuse: ${foreign.length} file(s) there were not published by protogov; set publish.git.replace_foreign: true to replace them`,
          );
        }
      }
      out.push(
        "  changelog:",
        ...plan.changelog
          .trimEnd()
          .split("\n")
          .map((l) => `    ${l}`),
      );
    } else {
      out.push(`  ${entry.status.toUpperCase()}: ${entry.detail}`);
    }
  }
  if (report.entries.length === 0) out.push("No selected target has publish settings (publish.npm or publish.git).");
  if (report.dryRun) out.push("", "Dry run: nothing was published.");
  return `${out.join("\n")}\n`;
}

/** The tag a git release gets: `v1.2.3`, or `<dir>/v1.2.3` for a Go module in a sub-directory. */
function releaseTag(plan: ReleasePlan): string | undefined {
  const git = plan.target.publish.git;
  return git?.tag && plan.version && plan.gitVersion ? `${git.tagPrefix}${plan.gitVersion}` : undefined;
}

/** A Go target's module path at the planned version (`/vN` from v2 on). */
function goModule(plan: ReleasePlan): string | undefined {
  if (plan.target.language !== "go" || !plan.gitVersion) return undefined;
  return goModulePath(plan.target, { version: plan.gitVersion, sourceCommit: undefined });
}

/** The report as data (`protogov publish --format json`), for CI steps that act on what was released. */
export function publishReportJson(report: PublishReport): string {
  const entries = report.entries.map((e) => ({
    target: e.plan.target.name,
    status: e.status,
    lastVersion: e.plan.last?.version ?? null,
    version: e.plan.version ?? null,
    bump: e.plan.bump,
    appliedBump: e.plan.last ? appliedBump(e.plan.last.version, e.plan.bump) : "initial",
    npm: e.plan.target.publish.npm
      ? { package: e.plan.target.package?.name ?? e.plan.target.name, registry: e.plan.target.publish.npm.registry }
      : null,
    git: e.plan.target.publish.git ? { branch: e.plan.target.publish.git.branch, directory: e.plan.target.publish.git.directory } : null,
    gitChanges: e.gitChanges ?? [],
    tag: releaseTag(e.plan) ?? null,
    goModule: goModule(e.plan) ?? null,
    detail: e.detail,
    changelog: e.plan.changelog,
  }));
  return `${JSON.stringify({ dryRun: report.dryRun, entries }, null, 2)}\n`;
}

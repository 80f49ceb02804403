/**
 * `--against-releases PATTERN`: the change checked against every release still
 * in support, not only the base branch. During a rolling deployment old and
 * new versions talk to each other, and clients keep old stubs for months: a
 * field removed after release 1.0 is safe against main but breaks 1.0's
 * clients. Each matching tag (newest first, narrowed by `keep` or `since`) is
 * one base; each base's image is cached like the base branch's. Findings that
 * apply to several releases are reported once, naming each release.
 */
import { gitMaybe } from "../../engines/git/git.js";
import { type ReleaseTag, releaseTags } from "../../engines/git/release-tags.js";
import { InputError } from "../../model/errors.js";
import type { Finding } from "../../model/findings/finding.js";

export interface ReleaseSelection {
  pattern: string;
  /** Only the newest N matching tags. */
  keep?: number;
  /** Only tags whose commit is at least this recent. */
  since?: Date;
}

export async function selectReleases(cwd: string, sel: ReleaseSelection): Promise<ReleaseTag[]> {
  const repoRoot = await gitMaybe(["rev-parse", "--show-toplevel"], cwd);
  if (!repoRoot) {
    throw new InputError(`--against-releases needs a git repository (${cwd} is not in one)`, {
      hint: "run inside the repository whose release tags to check against",
    });
  }
  let tags = await releaseTags(repoRoot, sel.pattern);
  if (sel.since) {
    const since = sel.since.getTime();
    tags = tags.filter((t) => t.date.getTime() >= since);
  }
  if (sel.keep !== undefined) tags = tags.slice(0, sel.keep);
  if (tags.length === 0) {
    throw new InputError(`no release tag matches ${sel.pattern}${sel.since ? ` since ${sel.since.toISOString().slice(0, 10)}` : ""}`, {
      hint: "list them with `git tag --list`; fetch tags in CI (actions/checkout with fetch-depth: 0)",
    });
  }
  return tags;
}

/** Runs `check` once per release and merges the findings: one per distinct finding, naming its releases. */
export async function findingsPerRelease(tags: readonly ReleaseTag[], check: (tag: ReleaseTag) => Promise<Finding[]>): Promise<Finding[]> {
  const merged = new Map<string, { finding: Finding; releases: string[] }>();
  for (const tag of tags) {
    for (const f of await check(tag)) {
      const key = [f.rule, f.file, f.line, f.column, f.message].join("\u0000");
      const entry = merged.get(key);
      if (entry) entry.releases.push(tag.tag);
      else merged.set(key, { finding: f, releases: [tag.tag] });
    }
  }
  return [...merged.values()].map(({ finding, releases }) => ({
    ...finding,
    message: `${finding.message} (against release${releases.length === 1 ? "" : "s"} ${releases.join(", ")})`,
  }));
}

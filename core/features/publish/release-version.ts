/**
 * Release versions from the API diff. Rules (docs/publishing.md):
 * - no earlier release: the target's `version.initial` (default 0.1.0);
 * - no API change (bump "none"): no release (publish turns it into "patch" when the generated
 *   code changed: see publish/release-plan.ts);
 * - 1.0.0 and above: breaking → major, feature → minor, docs-only → patch;
 * - 0.x (initial development): breaking → minor, feature and docs → patch,
 *   as npm's caret ranges read 0.x (^0.3.1 accepts 0.3.x only);
 * - prerelease channel (`version.prerelease: beta`): the version the bump
 *   leads to gets `-beta.N`; while the last release is already a prerelease of
 *   a version at least that high, only N increases.
 */
import type { SemverBump } from "../../engines/diff/api-diff.js";

export interface Version {
  major: number;
  minor: number;
  patch: number;
  /** Prerelease id and number (`beta`, 3), if any. */
  pre: { id: string; n: number } | undefined;
}

export function parseVersion(text: string): Version | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z-]+)\.(\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  const pre = m[4] !== undefined && m[5] !== undefined ? { id: m[4], n: Number(m[5]) } : undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), pre };
}

export function formatVersion(v: Version): string {
  return `${v.major}.${v.minor}.${v.patch}${v.pre ? `-${v.pre.id}.${v.pre.n}` : ""}`;
}

/** Negative when a < b; prereleases sort before their release. */
export function compareVersions(a: Version, b: Version): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core !== 0) return core;
  if (!a.pre || !b.pre) return (a.pre ? -1 : 0) - (b.pre ? -1 : 0);
  return a.pre.id < b.pre.id ? -1 : a.pre.id > b.pre.id ? 1 : a.pre.n - b.pre.n;
}

/** The highest version in a list of version strings or `v`-tags (others ignored). */
export function latestVersion(list: readonly string[]): string | undefined {
  let best: Version | undefined;
  for (const text of list) {
    const v = parseVersion(text);
    if (v && (!best || compareVersions(v, best) > 0)) best = v;
  }
  return best ? formatVersion(best) : undefined;
}

/** The bump actually applied: 0.x shifts breaking to minor and features to patch. */
export function effectiveBump(last: Version, bump: SemverBump): SemverBump {
  if (last.major > 0 || bump === "none") return bump;
  return bump === "major" ? "minor" : "patch";
}

/** What a release from `last` applies for an API diff's bump (the same as the diff's from 1.0.0 on). */
export function appliedBump(last: string | undefined, bump: SemverBump): SemverBump {
  const version = last === undefined ? undefined : parseVersion(last);
  return version ? effectiveBump(version, bump) : bump;
}

/** How the report names a bump: what was applied, and the API diff's bump when 0.x shifted it. */
export function bumpLabel(last: string | undefined, bump: SemverBump): string {
  const applied = appliedBump(last, bump);
  if (applied === bump) return bump;
  const article = bump === "major" ? "a breaking" : bump === "minor" ? "a minor" : `a ${bump}`;
  return `${applied}: ${article} API change, released as ${applied} in 0.x`;
}

function bumpCore(v: Version, bump: Exclude<SemverBump, "none">): Version {
  if (bump === "major") return { major: v.major + 1, minor: 0, patch: 0, pre: undefined };
  if (bump === "minor") return { major: v.major, minor: v.minor + 1, patch: 0, pre: undefined };
  return { major: v.major, minor: v.minor, patch: v.patch + 1, pre: undefined };
}

export interface NextVersionInput {
  last: string | undefined;
  bump: SemverBump;
  initial: string;
  prerelease: string | undefined;
}

/** The version to release, or undefined when there is nothing to release. */
export function nextVersion(input: NextVersionInput): string | undefined {
  const withPre = (v: Version, n: number): string =>
    formatVersion({ ...v, pre: input.prerelease ? { id: input.prerelease, n } : undefined });
  const last = input.last === undefined ? undefined : parseVersion(input.last);
  if (!last) return withPre(parseVersion(input.initial) ?? { major: 0, minor: 1, patch: 0, pre: undefined }, 0);
  if (input.bump === "none") return undefined;
  const bump = effectiveBump(last, input.bump) as Exclude<SemverBump, "none">;
  if (last.pre) {
    // A prerelease already stands for its release: bump from the release before it.
    const release = { ...last, pre: undefined };
    const alreadyCovers =
      bump === "patch" || (bump === "minor" && release.patch === 0) || (bump === "major" && release.minor === 0 && release.patch === 0);
    if (alreadyCovers) {
      if (input.prerelease === last.pre.id) return withPre(release, last.pre.n + 1);
      if (!input.prerelease) return formatVersion(release);
    }
    return withPre(alreadyCovers ? release : bumpCore(release, bump), 0);
  }
  return withPre(bumpCore(last, bump), 0);
}

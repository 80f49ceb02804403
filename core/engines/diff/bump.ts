/**
 * The semver bump a list of changes implies: major for breaking, minor for
 * features, patch for docs, none for internal-only changes.
 *
 * Accepted breaks still count as major. Accepting a break (config or
 * `// protogov:allow-breaking`) says "we mean it", not "nobody is affected":
 * consumers of the old version still fail, and the version number is their
 * only warning.
 *
 * Unstable packages: a breaking change in a package whose version component
 * is alpha or beta (`v1alpha`, `v1beta2`, `v1p1beta1`; buf's and AIP-185's
 * convention, `v1test` counts as alpha; more words in protogov.yaml `stability`,
 * see model/config/stability.ts) implies the bump the policy names for
 * that stability, by default minor: those packages promise no (alpha) or
 * limited (beta) stability, so breaking them is expected within a 0.x / minor
 * stream. Set a stability to "major" to treat it like stable packages.
 */
import { type StabilityWords, stabilityOf } from "../../model/config/stability.js";
import type { ApiChange, Classification, SemverBump } from "./api-diff.js";

export interface SemverPolicy {
  /** Bump implied by a breaking change in an alpha (or test) package. Default "minor". */
  alpha: SemverBump;
  /** Bump implied by a breaking change in a beta package. Default "minor". */
  beta: SemverBump;
  /** Which version words make a package beta, alpha or test (protogov.yaml `stability`). */
  stability?: StabilityWords;
}

export const DEFAULT_SEMVER_POLICY: Readonly<SemverPolicy> = { alpha: "minor", beta: "minor" };

const BUMP_RANK: Record<SemverBump, number> = { none: 0, patch: 1, minor: 2, major: 3 };
const BY_CLASSIFICATION: Record<Classification, SemverBump> = { breaking: "major", feature: "minor", docs: "patch", internal: "none" };

/** The bump one change implies under the policy. */
export function changeBump(change: ApiChange, policy: Partial<SemverPolicy> = {}): SemverBump {
  const bump = BY_CLASSIFICATION[change.classification];
  if (bump !== "major" || change.package === undefined) return bump;
  const level = stabilityOf(change.package, policy.stability);
  if (level === "stable" || level === "unversioned") return bump;
  // Test packages promise as little as alpha ones.
  const policyKey = level === "test" ? "alpha" : level;
  return policy[policyKey] ?? DEFAULT_SEMVER_POLICY[policyKey];
}

export function semverBump(changes: readonly ApiChange[], policy: Partial<SemverPolicy> = {}): SemverBump {
  let result: SemverBump = "none";
  for (const change of changes) {
    const bump = changeBump(change, policy);
    if (BUMP_RANK[bump] > BUMP_RANK[result]) result = bump;
    if (result === "major") break;
  }
  return result;
}

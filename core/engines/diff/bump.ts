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
 * convention, `v1test` counts as alpha) implies the bump the policy names for
 * that stability, by default minor: those packages promise no (alpha) or
 * limited (beta) stability, so breaking them is expected within a 0.x / minor
 * stream. Set a stability to "major" to treat it like stable packages.
 */
import type { ApiChange, Classification, SemverBump } from "./api-diff.js";

export interface SemverPolicy {
  /** Bump implied by a breaking change in an alpha (or test) package. Default "minor". */
  alpha: SemverBump;
  /** Bump implied by a breaking change in a beta package. Default "minor". */
  beta: SemverBump;
}

export const DEFAULT_SEMVER_POLICY: Readonly<SemverPolicy> = { alpha: "minor", beta: "minor" };

export type PackageStability = "stable" | "alpha" | "beta";

const VERSION = /^v\d+(?:p\d+)?(alpha|beta|test)?\d*$/;

/** The stability of a package, from its last version component (`acme.users.v1beta1` -> beta). */
export function packageStability(pkg: string): PackageStability {
  const parts = pkg.split(".");
  for (let i = parts.length - 1; i >= 0; i--) {
    const m = VERSION.exec(parts[i] ?? "");
    if (!m) continue;
    if (m[1] === "beta") return "beta";
    return m[1] === undefined ? "stable" : "alpha";
  }
  return "stable";
}

const BUMP_RANK: Record<SemverBump, number> = { none: 0, patch: 1, minor: 2, major: 3 };
const BY_CLASSIFICATION: Record<Classification, SemverBump> = { breaking: "major", feature: "minor", docs: "patch", internal: "none" };

/** The bump one change implies under the policy. */
export function changeBump(change: ApiChange, policy: Partial<SemverPolicy> = {}): SemverBump {
  const bump = BY_CLASSIFICATION[change.classification];
  if (bump !== "major" || change.package === undefined) return bump;
  const stability = packageStability(change.package);
  if (stability === "stable") return bump;
  return policy[stability] ?? DEFAULT_SEMVER_POLICY[stability];
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

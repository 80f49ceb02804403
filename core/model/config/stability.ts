/**
 * How stable a package is, from the word after the major version in its
 * version component (`v1` stable, `v1beta2` beta, `v2alpha` alpha, `v1test`
 * test; AIP-185 and buf's convention). The words are configurable
 * (`stability:` in protogov.yaml) because real repositories use others:
 * `v1development` and `v1experimental` are not stable releases. A word that no
 * level lists counts as alpha: a package that does not say it is stable is
 * not. The semver bump, the breaking policy and PACKAGE_VERSION_POLICY all
 * read the level here.
 */

export type StabilityLevel = "stable" | "beta" | "alpha" | "test";

/** Version words per unstable level. */
export interface StabilityWords {
  beta: string[];
  alpha: string[];
  test: string[];
}

export const DEFAULT_STABILITY: Readonly<StabilityWords> = {
  beta: ["beta"],
  alpha: ["alpha", "experimental", "development", "dev", "preview"],
  test: ["test"],
};

const VERSION = /^v[1-9]\d*(?:p[1-9]\d*)?([a-z]*?)\d*$/;

/** The level of a package's last version component, or "unversioned" when it has none. */
export function stabilityOf(pkg: string, words: Readonly<StabilityWords> = DEFAULT_STABILITY): StabilityLevel | "unversioned" {
  const parts = pkg.split(".");
  for (let i = parts.length - 1; i >= 0; i--) {
    const m = VERSION.exec(parts[i] ?? "");
    if (!m) continue;
    const word = m[1] ?? "";
    if (word === "") return "stable";
    for (const level of ["beta", "alpha", "test"] as const) if (words[level].includes(word)) return level;
    return "alpha";
  }
  return "unversioned";
}

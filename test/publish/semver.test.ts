/** Release versions from the API diff: 1.x, 0.x and prerelease rules (docs/publishing.md). */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { SemverBump } from "../../core/engines/diff/api-diff.js";
import { bumpLabel, latestVersion, nextVersion } from "../../core/features/publish/release-version.js";

const next = (last: string | undefined, bump: SemverBump, prerelease?: string) => nextVersion({ last, bump, initial: "0.1.0", prerelease });

describe("next version", () => {
  it("starts at the initial version", () => {
    assert.equal(next(undefined, "major"), "0.1.0");
    assert.equal(next(undefined, "none", "beta"), "0.1.0-beta.0");
  });
  it("releases nothing without an API change", () => assert.equal(next("1.2.3", "none"), undefined));
  it("follows the diff from 1.0.0 on", () => {
    assert.equal(next("1.2.3", "major"), "2.0.0");
    assert.equal(next("1.2.3", "minor"), "1.3.0");
    assert.equal(next("1.2.3", "patch"), "1.2.4");
  });
  it("shifts down in 0.x: breaking → minor, the rest → patch", () => {
    assert.equal(next("0.3.1", "major"), "0.4.0");
    assert.equal(next("0.3.1", "minor"), "0.3.2");
    assert.equal(next("0.3.1", "patch"), "0.3.2");
  });
  it("labels what was applied, and the diff's bump when 0.x shifted it", () => {
    assert.equal(bumpLabel("1.2.3", "minor"), "minor");
    assert.equal(bumpLabel("0.3.1", "major"), "minor: a breaking API change, released as minor in 0.x");
    assert.equal(bumpLabel("0.3.1", "minor"), "patch: a minor API change, released as patch in 0.x");
    assert.equal(bumpLabel("0.3.1", "patch"), "patch");
  });
  it("counts prereleases up while they already cover the bump", () => {
    assert.equal(next("1.2.3", "minor", "beta"), "1.3.0-beta.0");
    assert.equal(next("1.3.0-beta.0", "minor", "beta"), "1.3.0-beta.1");
    assert.equal(next("1.3.0-beta.1", "patch", "beta"), "1.3.0-beta.2");
    assert.equal(next("1.3.0-beta.1", "major", "beta"), "2.0.0-beta.0");
    assert.equal(next("1.3.0-beta.1", "minor"), "1.3.0");
  });
  it("finds the latest of tags and versions", () => {
    assert.equal(latestVersion(["v1.0.0", "v1.10.0", "v1.9.0", "v2.0.0-beta.1", "junk"]), "2.0.0-beta.1");
    assert.equal(latestVersion(["v2.0.0", "v2.0.0-beta.1"]), "2.0.0");
    assert.equal(latestVersion([]), undefined);
  });
});

/**
 * The semver bump of a change list: severity order, accepted breaks, and the
 * policy for alpha and beta packages.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ApiChange, Classification } from "../../core/engines/diff/api-diff.js";
import { semverBump } from "../../core/engines/diff/bump.js";
import { stabilityOf } from "../../core/model/config/stability.js";

function change(classification: Classification, pkg = "acme.users.v1", accepted = false): ApiChange {
  return {
    rule: "X",
    kind: "changed",
    element: "field",
    name: `${pkg}.M.f`,
    classification,
    package: pkg,
    message: "m",
    ...(accepted ? { accepted: { reason: "agreed", via: "comment" as const } } : {}),
  };
}

describe("semverBump", () => {
  it("is none for no changes and internal-only changes", () => {
    assert.equal(semverBump([]), "none");
    assert.equal(semverBump([change("internal")]), "none");
  });

  it("takes the most severe change: breaking > feature > docs", () => {
    assert.equal(semverBump([change("docs")]), "patch");
    assert.equal(semverBump([change("docs"), change("feature")]), "minor");
    assert.equal(semverBump([change("feature"), change("breaking"), change("docs")]), "major");
  });

  it("counts accepted breaks as major", () => {
    assert.equal(semverBump([change("breaking", "acme.users.v1", true)]), "major");
  });

  it("lets breaking changes in alpha and beta packages imply minor by default", () => {
    assert.equal(semverBump([change("breaking", "acme.users.v1beta1")]), "minor");
    assert.equal(semverBump([change("breaking", "acme.users.v1alpha")]), "minor");
    assert.equal(semverBump([change("breaking", "acme.users.v1beta1"), change("breaking", "acme.users.v1")]), "major");
  });

  it("follows a configured policy per stability", () => {
    assert.equal(semverBump([change("breaking", "acme.users.v1beta1")], { beta: "major" }), "major");
    assert.equal(semverBump([change("breaking", "acme.users.v1alpha2")], { beta: "major" }), "minor");
    assert.equal(semverBump([change("breaking", "acme.users.v2alpha")], { alpha: "patch" }), "patch");
    assert.equal(
      semverBump([change("breaking", "acme.users.v1test")], { alpha: "patch" }),
      "patch",
      "test packages follow the alpha policy",
    );
    assert.equal(semverBump([change("breaking", "acme.users")], { alpha: "patch" }), "major", "an unversioned package is stable");
  });

  it("does not lower features or docs in unstable packages", () => {
    assert.equal(semverBump([change("feature", "acme.users.v1beta1")], { beta: "patch" }), "minor");
  });
});

describe("stabilityOf", () => {
  const table: [string, string][] = [
    ["acme.users.v1", "stable"],
    ["acme.users.v1beta1", "beta"],
    ["acme.users.v1p1beta1", "beta"],
    ["acme.users.v2alpha", "alpha"],
    ["acme.users.v1test", "test"],
    ["acme.v1beta1.users", "beta"],
    ["acme.users", "unversioned"],
    ["acme.beta.users.v1", "stable"],
  ];
  for (const [pkg, stability] of table) {
    it(`${pkg} is ${stability}`, () => assert.equal(stabilityOf(pkg), stability));
  }
});

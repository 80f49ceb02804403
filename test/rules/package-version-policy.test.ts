/**
 * PACKAGE_VERSION_POLICY on test/fixtures/rules/package-version-policy/:
 * stable, beta and point-release beta packages pass under `allow: [stable, beta]`;
 * alpha and test packages are reported on their `package` line.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lintFixture, lintFixtureWith } from "../support/rule-fixtures.js";
import { brief } from "../support/run-cli.js";

const FIXTURE = "package-version-policy";
const CLEAN = [
  "acme/legacy/legacy.proto",
  "acme/users/v1/users.proto",
  "acme/users/v1p1beta2/users.proto",
  "acme/users/v2beta1/users.proto",
];

describe("PACKAGE_VERSION_POLICY", () => {
  it("reports the packages whose stability level is not allowed, on the package line", async () => {
    const { code, report } = await lintFixture(FIXTURE);
    assert.equal(code, 1);
    assert.deepEqual(brief(report.findings), [
      "acme/search/v1alpha1/search.proto:3 PACKAGE_VERSION_POLICY",
      "acme/search/v1test/search.proto:5 PACKAGE_VERSION_POLICY",
    ]);
    const [alpha, test] = report.findings;
    assert.equal(alpha?.message, 'package "acme.search.v1alpha1" is alpha, and this project allows only stable, beta packages');
    assert.equal(alpha?.column, 1);
    assert.equal(alpha?.severity, "error");
    assert.match(alpha?.hint ?? "", /add "alpha" to lint\.rules\.PACKAGE_VERSION_POLICY\.allow/);
    assert.match(test?.message ?? "", /"acme\.search\.v1test" is test/);
  });

  it("leaves allowed and unversioned packages alone", async () => {
    const { report } = await lintFixture(FIXTURE);
    const reported = new Set(report.findings.map((f) => f.file));
    for (const file of CLEAN) assert.ok(!reported.has(file), `${file} was reported`);
  });

  it("allows stable, beta and alpha by default: only the test package is reported", async (t) => {
    const { code, report } = await lintFixtureWith(t, FIXTURE, "lint:\n  use: [MINIMAL]\n");
    assert.equal(code, 1);
    assert.deepEqual(brief(report.findings), ["acme/search/v1test/search.proto:5 PACKAGE_VERSION_POLICY"]);
  });

  it("leaves a missing version to buf's PACKAGE_VERSION_SUFFIX, so it is reported once", async (t) => {
    const config =
      "lint:\n  use: [MINIMAL, PACKAGE_VERSION_SUFFIX]\n  rules:\n    PACKAGE_VERSION_POLICY: { allow: [stable, beta, alpha, test] }\n";
    const { report } = await lintFixtureWith(t, FIXTURE, config);
    assert.deepEqual(brief(report.findings), ["acme/legacy/legacy.proto:4 PACKAGE_VERSION_SUFFIX"]);
  });

  it("is silent when switched off, and a warning (exit 0) at severity warn", async (t) => {
    const off = await lintFixtureWith(t, FIXTURE, "lint:\n  use: [MINIMAL]\n  rules:\n    PACKAGE_VERSION_POLICY: off\n");
    assert.deepEqual(off, { code: 0, report: { ...off.report, findings: [] }, stderr: "" });
    const warn = await lintFixtureWith(
      t,
      FIXTURE,
      "lint:\n  use: [MINIMAL]\n  rules:\n    PACKAGE_VERSION_POLICY: { severity: warn, allow: [stable] }\n",
    );
    assert.equal(warn.code, 0);
    assert.deepEqual(warn.report.summary, { errors: 0, warnings: 4, files: 4 });
    assert.ok(warn.report.findings.every((f) => f.severity === "warn" && f.rule === "PACKAGE_VERSION_POLICY"));
  });

  it("reports only the files under the paths given", async () => {
    const { report } = await lintFixture(FIXTURE, ["acme/search/v1test"]);
    assert.deepEqual(brief(report.findings), ["acme/search/v1test/search.proto:5 PACKAGE_VERSION_POLICY"]);
  });
});

/**
 * Silencing findings, for buf's rules and protogov's alike, on
 * test/fixtures/rules/suppression/: `// protogov:ignore` comments (on the line
 * or in the comment block above), buf's `buf:lint:ignore`, `lint.ignore`,
 * `lint.ignore_only`, and `lint.rules` severities (`off`, `warn`).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lintFixture, lintFixtureWith, ruleFixture } from "../support/rule-fixtures.js";
import { brief, runCli } from "../support/run-cli.js";
import { tempProject } from "../support/temp-project.js";

const FIXTURE = "suppression";
const API = "acme/api/v1/api.proto";

/** The fixture's protogov.yaml with `rules` replaced. */
function configWithRules(rules: string): string {
  return [
    "lint:",
    "  use: [MINIMAL, FIELD_LOWER_SNAKE_CASE]",
    "  rules:",
    rules,
    "  ignore: [acme/legacy]",
    "  ignore_only:",
    "    FIELD_LOWER_SNAKE_CASE: [acme/generated/v1alpha1/generated.proto]",
    "    PACKAGE_VERSION_POLICY: [acme/experiments/]",
    "",
  ].join("\n");
}

describe("suppressing findings", () => {
  it("keeps exactly the findings nothing excuses", async () => {
    const { code, report } = await lintFixture(FIXTURE);
    assert.equal(code, 1);
    assert.deepEqual(brief(report.findings), [
      "acme/alpha/v1alpha1/alpha.proto:4 PACKAGE_VERSION_POLICY",
      `${API}:8 FIELD_LOWER_SNAKE_CASE`,
      `${API}:14 FIELD_LOWER_SNAKE_CASE`,
      `${API}:27 FIELD_LOWER_SNAKE_CASE`,
      "acme/experiments/v1alpha1/experiment.proto:9 FIELD_LOWER_SNAKE_CASE",
      "acme/generated/v1alpha1/generated.proto:4 PACKAGE_VERSION_POLICY",
    ]);
  });

  it("honours protogov:ignore above, after and in a comment block, bare or listing rules, and buf:lint:ignore", async () => {
    const { report } = await lintFixture(FIXTURE);
    const apiLines = report.findings.filter((f) => f.file === API).map((f) => f.line);
    // LegacyName (10), TrailingName (11), BareIgnore (16), BufIgnore (18), ListedIgnore (23) are excused;
    // OtherRule (14) names another rule and DetachedIgnore (27) is cut off by a blank line.
    assert.deepEqual(apiLines, [8, 14, 27]);
    assert.ok(!report.findings.some((f) => f.file === "acme/beta/v1beta1/beta.proto"), "protogov:ignore above `package`");
  });

  it("drops every rule under lint.ignore, and one rule per path under lint.ignore_only", async () => {
    const { report } = await lintFixture(FIXTURE);
    const rulesIn = (file: string) => report.findings.filter((f) => f.file === file).map((f) => f.rule);
    assert.deepEqual(rulesIn("acme/legacy/v1alpha1/legacy.proto"), []);
    assert.deepEqual(rulesIn("acme/generated/v1alpha1/generated.proto"), ["PACKAGE_VERSION_POLICY"]);
    assert.deepEqual(rulesIn("acme/experiments/v1alpha1/experiment.proto"), ["FIELD_LOWER_SNAKE_CASE"]);
  });

  it("reports the excused findings once the excuses are gone", async (t) => {
    const { report } = await lintFixtureWith(
      t,
      FIXTURE,
      "lint:\n  use: [MINIMAL, FIELD_LOWER_SNAKE_CASE]\n  rules:\n    PACKAGE_VERSION_POLICY: { allow: [stable] }\n",
    );
    // The comments stay: only the path-based excuses are removed here.
    assert.equal(report.findings.filter((f) => f.file === "acme/legacy/v1alpha1/legacy.proto").length, 2);
    assert.equal(report.findings.filter((f) => f.file === "acme/generated/v1alpha1/generated.proto").length, 2);
    assert.equal(report.findings.filter((f) => f.file === "acme/experiments/v1alpha1/experiment.proto").length, 2);
  });

  it("a buf rule set to off disappears, protogov's rules stay", async (t) => {
    const config = configWithRules("    FIELD_LOWER_SNAKE_CASE: off\n    PACKAGE_VERSION_POLICY: { allow: [stable] }");
    const { code, report } = await lintFixtureWith(t, FIXTURE, config);
    assert.equal(code, 1);
    assert.deepEqual(brief(report.findings), [
      "acme/alpha/v1alpha1/alpha.proto:4 PACKAGE_VERSION_POLICY",
      "acme/generated/v1alpha1/generated.proto:4 PACKAGE_VERSION_POLICY",
    ]);
  });

  it("severity warn on every remaining rule gives exit 0 and warnings", async (t) => {
    const config = configWithRules("    FIELD_LOWER_SNAKE_CASE: warn\n    PACKAGE_VERSION_POLICY: { severity: warn, allow: [stable] }");
    const { code, report } = await lintFixtureWith(t, FIXTURE, config);
    assert.equal(code, 0);
    assert.deepEqual(report.summary, { errors: 0, warnings: 6, files: 4 });
    assert.ok(report.findings.every((f) => f.severity === "warn"));
  });

  it("text output shows warnings as such, with exit 0", async (t) => {
    const project = tempProject(t);
    project.copy(ruleFixture(FIXTURE));
    project.write("protogov.yaml", configWithRules("    FIELD_LOWER_SNAKE_CASE: warn\n    PACKAGE_VERSION_POLICY: off"));
    const result = await runCli(["lint", "acme/api"], { cwd: project.dir });
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^acme\/api\/v1\/api\.proto\n {2}8:10 +warning +Field name "BadName" should be lower_snake_case/);
    assert.match(result.stdout, /\n3 warnings in 1 file\n$/);
  });
});

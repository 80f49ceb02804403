/**
 * The AIP rule pack on test/fixtures/rules/aip-pack/: off by default, on as a
 * whole (`lint.rules.AIP`) or per AIP (`lint.rules.AIP_0140`), api-linter's
 * disable comments and `deprecated` honoured, each finding linking its AIP;
 * and the same findings as api-linter itself (pinned, installed into
 * .cache/bin by bench/api-linter/install.sh, which .ci/run calls) on the fixture.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, it } from "node:test";
import { apiLinterNameOf } from "../../core/engines/rules/aip/aip-rule.js";
import { everyRule as governanceRules } from "../../core/engines/rules/every-rule.js";
import { repoRoot } from "../support/paths.js";
import { lintFixture, lintFixtureWith, ruleFixture } from "../support/rule-fixtures.js";
import { brief, runCli } from "../support/run-cli.js";
import { tempProject } from "../support/temp-project.js";

const FIXTURE = "aip-pack";
const EXPECTED = [
  "acme/legacy/legacy.proto:5 AIP_0191_JAVA_MULTIPLE_FILES",
  "acme/legacy/legacy.proto:5 AIP_0191_JAVA_OUTER_CLASSNAME",
  "acme/legacy/legacy.proto:5 AIP_0191_JAVA_PACKAGE",
  "acme/legacy/legacy.proto:5 AIP_0215_VERSIONED_PACKAGES",
  "acme/shop/v1/shop.proto:3 AIP_0191_JAVA_MULTIPLE_FILES",
  "acme/shop/v1/shop.proto:3 AIP_0191_JAVA_OUTER_CLASSNAME",
  "acme/shop/v1/shop.proto:8 AIP_0123_RESOURCE_ANNOTATION",
  "acme/shop/v1/shop.proto:12 AIP_0140_LOWER_SNAKE",
  "acme/shop/v1/shop.proto:13 AIP_0192_HAS_COMMENTS",
  "acme/shop/v1/shop.proto:28 AIP_0192_DEPRECATED_COMMENT",
  "acme/shop/v1/shop.proto:34 AIP_0191_FILE_LAYOUT",
  "acme/shop/v1/shop.proto:36 AIP_0126_UNSPECIFIED",
  "acme/shop/v1/shop.proto:48 AIP_0191_FILE_LAYOUT",
  "acme/shop/v1/shop.proto:50 AIP_0127_HTTP_ANNOTATION",
  "acme/shop/v1/shop.proto:50 AIP_0131_METHOD_SIGNATURE",
  "acme/shop/v1/shop.proto:50 AIP_0131_REQUEST_MESSAGE_NAME",
  "acme/shop/v1/shop.proto:52 AIP_0127_HTTP_ANNOTATION",
  "acme/shop/v1/shop.proto:52 AIP_0132_METHOD_SIGNATURE",
  "acme/shop/v1/shop.proto:52 AIP_0132_RESPONSE_MESSAGE_NAME",
  "acme/shop/v1/shop.proto:54 AIP_0127_HTTP_ANNOTATION",
  "acme/shop/v1/shop.proto:60 AIP_0203_FIELD_BEHAVIOR_REQUIRED",
  "acme/shop/v1/shop.proto:60 AIP_0122_NAME_SUFFIX",
  "acme/shop/v1/shop.proto:62 AIP_0203_FIELD_BEHAVIOR_REQUIRED",
  "acme/shop/v1/shop.proto:66 AIP_0158_REQUEST_PAGE_SIZE_FIELD",
  "acme/shop/v1/shop.proto:66 AIP_0158_REQUEST_PAGE_TOKEN_FIELD",
  "acme/shop/v1/shop.proto:68 AIP_0132_REQUEST_PARENT_BEHAVIOR",
  "acme/shop/v1/shop.proto:68 AIP_0132_REQUEST_PARENT_REFERENCE",
  "acme/shop/v1/shop.proto:68 AIP_0203_FIELD_BEHAVIOR_REQUIRED",
  "acme/shop/v1/shop.proto:74 AIP_0140_NUMBERS",
  "acme/shop/v1/shop.proto:76 AIP_0140_LOWER_SNAKE",
  "acme/shop/v1/shop.proto:76 AIP_0140_UNDERSCORES",
  "acme/shop/v1/shop.proto:78 AIP_0192_DEPRECATED_COMMENT",
  "acme/shop/v1/shop.proto:82 AIP_0192_NO_HTML",
  "acme/shop/v1/shop.proto:84 AIP_0140_PREPOSITIONS",
  "acme/shop/v1/shop.proto:86 AIP_0140_BASE64",
  "acme/shop/v1/shop.proto:88 AIP_0192_NO_MARKDOWN_HEADINGS",
  "acme/shop/v1/shop.proto:93 AIP_0192_NO_MARKDOWN_TABLES",
  "acme/shop/v1/shop.proto:101 AIP_0126_UPPER_SNAKE_VALUES",
];

const aipOnly = <T extends { rule: string }>(findings: readonly T[]): T[] => findings.filter((f) => f.rule.startsWith("AIP_"));

describe("AIP rule pack", () => {
  it("reports what api-linter reports, honouring disable comments and deprecated elements", async () => {
    const { code, report } = await lintFixture(FIXTURE);
    assert.equal(code, 1);
    assert.deepEqual(brief(aipOnly(report.findings)), EXPECTED);
    const snake = report.findings.find((f) => f.rule === "AIP_0140_LOWER_SNAKE");
    assert.match(
      snake?.message ?? "",
      /Field `displayName` must use lower_snake_case\. \(core::0140::lower-snake, https:\/\/google\.aip\.dev\/140\)/,
    );
    assert.equal(snake?.column, 10); // the field's name, where api-linter points
  });

  it("is off by default, and can be switched on per AIP", async (t) => {
    const off = await lintFixtureWith(t, FIXTURE, "version: 1\nlint:\n  use: [MINIMAL]\n");
    assert.deepEqual(aipOnly(off.report.findings), []);
    const one = await lintFixtureWith(t, FIXTURE, "version: 1\nlint:\n  use: [MINIMAL]\n  rules:\n    AIP_0140: { severity: warn }\n");
    assert.deepEqual(brief(aipOnly(one.report.findings)), [
      "acme/shop/v1/shop.proto:12 AIP_0140_LOWER_SNAKE",
      "acme/shop/v1/shop.proto:74 AIP_0140_NUMBERS",
      "acme/shop/v1/shop.proto:76 AIP_0140_LOWER_SNAKE",
      "acme/shop/v1/shop.proto:76 AIP_0140_UNDERSCORES",
      "acme/shop/v1/shop.proto:84 AIP_0140_PREPOSITIONS",
      "acme/shop/v1/shop.proto:86 AIP_0140_BASE64",
    ]);
    assert.equal(one.report.findings.find((f) => f.rule === "AIP_0140_LOWER_SNAKE")?.severity, "warn");
  });

  it("rejects an unknown AIP group with a did-you-mean", async (t) => {
    const project = tempProject(t);
    project.copy(ruleFixture(FIXTURE));
    project.write("protogov.yaml", "version: 1\nlint:\n  rules:\n    AIP_140: { severity: error }\n");
    const bad = await runCli(["lint"], { cwd: project.dir });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown lint rule "AIP_140" \(did you mean "AIP_0140"\?\)/);
  });

  it("agrees with api-linter on the fixture, rule by rule", () => {
    const bin = join(repoRoot, ".cache", "bin", "api-linter");
    const names = new Set(governanceRules.map(apiLinterNameOf).filter((n) => n !== undefined));
    const out = execFileSync(bin, ["--output-format", "json", "acme/shop/v1/shop.proto", "acme/legacy/legacy.proto"], {
      cwd: ruleFixture(FIXTURE),
      encoding: "utf8",
    });
    const files = JSON.parse(out) as {
      file_path: string;
      problems: { rule_id: string; location: { path?: string; start_position: { line_number: number } } }[];
    }[];
    // api-linter reports a field once per method whose request reaches it (AIP-203 field-behavior-required); protogov once.
    const theirs = [
      ...new Set(
        files.flatMap((f) =>
          f.problems
            .filter((p) => names.has(p.rule_id))
            .map((p) => `${p.location.path || f.file_path}:${p.location.start_position.line_number} ${p.rule_id}`),
        ),
      ),
    ].sort();
    const ours = EXPECTED.map((e) => {
      const [where, id] = e.split(" ");
      const rule = governanceRules.find((r) => r.id === id);
      return `${where} ${rule ? apiLinterNameOf(rule) : id}`;
    }).sort();
    assert.deepEqual(ours, theirs);
  });
});

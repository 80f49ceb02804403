/**
 * The AIP rules that read google.api options or other files (AIP-123, 127,
 * 131-135, 148, 151, 158, 191, 203, and 215's foreign types) on
 * test/fixtures/rules/aip-methods/ (its google/api and google/longrunning
 * protos are the googleapis copies of test/fixtures/diff/_deps, linked): every
 * rule fires on its violation, the well-shaped methods and resource and the
 * disabled method stay clean, and each finding is where api-linter (pinned,
 * installed into .cache/bin by bench/api-linter/install.sh) puts it: same
 * rule, line and column.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, it } from "node:test";
import { apiLinterNameOf } from "../../core/engines/rules/aip/aip-rule.js";
import { everyRule as governanceRules } from "../../core/engines/rules/every-rule.js";
import { repoRoot } from "../support/paths.js";
import { lintFixture, ruleFixture } from "../support/rule-fixtures.js";

const FIXTURE = "aip-methods";
const FILES = [
  "acme/library/v1/library.proto",
  "acme/library/v1/resources.proto",
  "acme/library/v1/requests.proto",
  "acme/catalog/v2/entry.proto",
  "acme/misc/v1.proto",
];
/** The rules this fixture covers; each must fire at least once on it. */
const COVERED = /^core::0(123|127|13[1-5]|148|151|158|191|203)::|^core::0215::foreign-type-reference$/;

const names = new Map(governanceRules.map((r) => [r.id, apiLinterNameOf(r)]));
const covered = [...names.values()].filter((n): n is string => n !== undefined && COVERED.test(n));

interface ApiLinterFile {
  file_path: string;
  problems: { rule_id: string; location: { path?: string; start_position: { line_number: number; column_number: number } } }[];
}

function apiLinterFindings(): string[] {
  const out = execFileSync(join(repoRoot, ".cache", "bin", "api-linter"), ["--output-format", "json", ...FILES], {
    cwd: ruleFixture(FIXTURE),
    encoding: "utf8",
  });
  const implemented = new Set(covered);
  const found = (JSON.parse(out) as ApiLinterFile[])
    .flatMap((f) =>
      f.problems
        .filter((p) => implemented.has(p.rule_id))
        // The file the location names: a method rule reports a request's fields declared in another file under the method's.
        .map(
          (p) =>
            `${p.location.path || f.file_path}:${p.location.start_position.line_number}:${p.location.start_position.column_number} ${p.rule_id}`,
        ),
    )
    .sort();
  // api-linter reports such a field once per method reaching it; protogov once.
  return [...new Set(found)];
}

describe("AIP rules reading google.api options", async () => {
  const { code, report } = await lintFixture(FIXTURE, ["acme"]);
  // As sets on both sides: a rule may report one element twice with different messages (one per resource pattern).
  const ours = [
    ...new Set(
      report.findings
        .filter((f) => COVERED.test(names.get(f.rule) ?? ""))
        .map((f) => `${f.file}:${f.line}:${f.column} ${names.get(f.rule)}`),
    ),
  ].sort();

  it("fires every rule of AIP-123, 127, 131-135, 148, 151, 158, 191, 203 and 215 foreign types on its violation", () => {
    assert.equal(code, 1);
    const fired = new Set(ours.map((o) => o.split(" ")[1]));
    assert.deepEqual(
      covered.filter((n) => !fired.has(n)),
      [],
    );
  });

  it("leaves well-shaped standard methods and disabled ones alone", () => {
    // library.proto:16-59 is service Library (five standard methods in AIP shape, and GetCover disabled by
    // comment); resources.proto:13-24 is message Edition, a resource in AIP shape.
    const clean = ours.filter((o) => {
      const [file, line] = o.split(":");
      const n = Number(line);
      return (file === FILES[0] && n >= 16 && n <= 59) || (file === FILES[1] && n >= 13 && n <= 24);
    });
    assert.deepEqual(clean, []);
  });

  it("reports a field a method reaches in the file declaring the field, as api-linter's location does", () => {
    // The methods are in requests.proto; CreateEditionRequest, UpdateEditionRequest and Catalog in resources.proto.
    for (const finding of [
      "acme/library/v1/resources.proto:100:3 core::0133::request-required-fields",
      "acme/library/v1/resources.proto:108:3 core::0134::request-required-fields",
      "acme/library/v1/resources.proto:146:3 core::0203::field-behavior-required",
    ])
      assert.ok(ours.includes(finding), finding);
  });

  it("reports what api-linter reports, at the same line and column", () => {
    assert.deepEqual(ours, apiLinterFindings());
  });

  it("links each finding to its AIP", () => {
    const http = report.findings.find((f) => f.rule === "AIP_0131_HTTP_METHOD");
    assert.match(
      http?.message ?? "",
      /The `GetShelf` method should use the HTTP GET verb\. \(core::0131::http-method, https:\/\/google\.aip\.dev\/131\)/,
    );
  });
});

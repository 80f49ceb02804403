/**
 * FILE_HEADER on test/fixtures/rules/file-header/: files that start with the
 * configured two-line header ({year} = any year, LF or CRLF) pass; a missing,
 * foreign, partial or misplaced header is reported on line 1. Off by default.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lintFixture, lintFixtureWith } from "../support/rule-fixtures.js";
import { brief } from "../support/run-cli.js";

const FIXTURE = "file-header";
const ALL_FILES = [
  "acme/docs/v1/crlf.proto",
  "acme/docs/v1/good.proto",
  "acme/docs/v1/half.proto",
  "acme/docs/v1/late.proto",
  "acme/docs/v1/missing.proto",
  "acme/docs/v1/old_year.proto",
  "acme/docs/v1/other_owner.proto",
];

describe("FILE_HEADER", () => {
  it("reports every file that does not start with the header, on line 1", async () => {
    const { code, report } = await lintFixture(FIXTURE);
    assert.equal(code, 1);
    assert.deepEqual(brief(report.findings), [
      "acme/docs/v1/half.proto:1 FILE_HEADER",
      "acme/docs/v1/late.proto:1 FILE_HEADER",
      "acme/docs/v1/missing.proto:1 FILE_HEADER",
      "acme/docs/v1/other_owner.proto:1 FILE_HEADER",
    ]);
    for (const f of report.findings) {
      assert.equal(f.column, 1);
      assert.equal(f.message, 'file does not start with the configured header ("// Copyright {year} Acme Inc."...)');
      assert.match(f.hint ?? "", /lint\.rules\.FILE_HEADER\.header/);
    }
  });

  it("accepts the header with any year and with CRLF line endings", async () => {
    const { report } = await lintFixture(FIXTURE);
    const reported = new Set(report.findings.map((f) => f.file));
    for (const file of ["acme/docs/v1/good.proto", "acme/docs/v1/old_year.proto", "acme/docs/v1/crlf.proto"]) {
      assert.ok(!reported.has(file), `${file} was reported`);
    }
  });

  it("is off by default", async (t) => {
    const { code, report } = await lintFixtureWith(t, FIXTURE, "lint:\n  use: [MINIMAL]\n");
    assert.equal(code, 0);
    assert.deepEqual(report.findings, []);
  });

  it("switched on without a header, says so on every file", async (t) => {
    const { code, report } = await lintFixtureWith(t, FIXTURE, "lint:\n  use: [MINIMAL]\n  rules:\n    FILE_HEADER: error\n");
    assert.equal(code, 1);
    assert.deepEqual(
      brief(report.findings),
      ALL_FILES.map((f) => `${f}:1 FILE_HEADER`),
    );
    assert.ok(report.findings.every((f) => f.message === "FILE_HEADER is enabled but no header is configured"));
  });

  it("matches a one-line header given inline, and reports at severity warn with exit 0", async (t) => {
    const config = 'lint:\n  use: [MINIMAL]\n  rules:\n    FILE_HEADER: { severity: warn, header: "// Copyright {year} Acme Inc." }\n';
    const { code, report } = await lintFixtureWith(t, FIXTURE, config);
    assert.equal(code, 0);
    // half.proto has the first line: with a one-line header it passes.
    assert.deepEqual(brief(report.findings), [
      "acme/docs/v1/late.proto:1 FILE_HEADER",
      "acme/docs/v1/missing.proto:1 FILE_HEADER",
      "acme/docs/v1/other_owner.proto:1 FILE_HEADER",
    ]);
    assert.deepEqual(report.summary, { errors: 0, warnings: 3, files: 3 });
  });
});

/**
 * IMPORT_NO_CROSS_VERSION on test/fixtures/rules/import-no-cross-version/:
 * imports of another version of the same API (pre-releases included) and weak
 * imports are reported on the import line; imports of other APIs, and imports
 * from unversioned packages, pass. On by default.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lintFixture, lintFixtureWith } from "../support/rule-fixtures.js";
import { brief } from "../support/run-cli.js";

const FIXTURE = "import-no-cross-version";

describe("IMPORT_NO_CROSS_VERSION", () => {
  it("reports cross-version and weak imports on the import line", async () => {
    const { code, report } = await lintFixture(FIXTURE);
    assert.equal(code, 1);
    assert.deepEqual(brief(report.findings), [
      "acme/orders/v1/order.proto:5 IMPORT_NO_CROSS_VERSION",
      "acme/users/v2/user.proto:6 IMPORT_NO_CROSS_VERSION",
      "acme/users/v3alpha1/user.proto:5 IMPORT_NO_CROSS_VERSION",
    ]);
    assert.deepEqual(
      report.findings.map((f) => f.message),
      [
        'weak import of "acme/common/v1/money.proto"',
        '"acme.users.v2" imports "acme/users/v1/user.proto" from acme.users.v1, another version of the same API',
        '"acme.users.v3alpha1" imports "acme/users/v2/user.proto" from acme.users.v2, another version of the same API',
      ],
    );
    assert.ok(report.findings.every((f) => f.column === 1 && f.severity === "error" && (f.hint ?? "") !== ""));
  });

  it("leaves imports of other APIs and unversioned importers alone", async () => {
    const { report } = await lintFixture(FIXTURE);
    const reported = new Set(report.findings.map((f) => f.file));
    for (const file of ["acme/common/v1/money.proto", "acme/users/v1/user.proto", "acme/tools/tools.proto"]) {
      assert.ok(!reported.has(file), `${file} was reported`);
    }
    // v2 imports acme.common.v1 on line 5 too: only the acme.users.v1 import (line 6) is reported.
    assert.equal(report.findings.filter((f) => f.file === "acme/users/v2/user.proto").length, 1);
  });

  it("still sees the imported package when the run is narrowed to one file", async () => {
    const { report } = await lintFixture(FIXTURE, ["acme/users/v2/user.proto"]);
    assert.deepEqual(brief(report.findings), ["acme/users/v2/user.proto:6 IMPORT_NO_CROSS_VERSION"]);
  });

  it("is on by default and disappears when switched off", async (t) => {
    const { code, report } = await lintFixtureWith(t, FIXTURE, "lint:\n  use: [MINIMAL]\n  rules:\n    IMPORT_NO_CROSS_VERSION: off\n");
    assert.equal(code, 0);
    assert.deepEqual(report.findings, []);
  });
});

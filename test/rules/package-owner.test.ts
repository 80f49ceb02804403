/**
 * PACKAGE_OWNER on test/fixtures/rules/package-owner/: packages under an
 * `owners` prefix (longest prefix wins, whole name segments only) pass; others
 * are reported once per package, on the package line. Off by default.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { lintFixture, lintFixtureWith } from "../support/rule-fixtures.js";
import { brief } from "../support/run-cli.js";

const FIXTURE = "package-owner";
const OWNERS = 'owners:\n  acme.users: "@acme/users-team"\n  acme.billing.invoices: "@acme/invoices-team"\n';

describe("PACKAGE_OWNER", () => {
  it("reports each package without an owner once, on its package line", async () => {
    const { code, report } = await lintFixture(FIXTURE);
    assert.equal(code, 1);
    assert.deepEqual(brief(report.findings), [
      "acme/billing/payments/v1/payments.proto:4 PACKAGE_OWNER",
      "acme/orders/v1/a_orders.proto:3 PACKAGE_OWNER",
      "acme/usersearch/v1/search.proto:3 PACKAGE_OWNER",
    ]);
    assert.deepEqual(
      report.findings.map((f) => f.message),
      [
        'package "acme.billing.payments.v1" has no owner',
        'package "acme.orders.v1" has no owner',
        'package "acme.usersearch.v1" has no owner',
      ],
    );
    assert.match(report.findings[1]?.hint ?? "", /owners: \{ acme\.orders: "@team" \}/);
  });

  it("counts a prefix only on whole segments: acme.users does not own acme.usersearch", async () => {
    const { report } = await lintFixture(FIXTURE);
    const reported = new Set(report.findings.map((f) => f.file));
    assert.ok(reported.has("acme/usersearch/v1/search.proto"));
    for (const owned of ["acme/users/v1/users.proto", "acme/users/admin/v1/admin.proto", "acme/billing/invoices/v1/invoices.proto"]) {
      assert.ok(!reported.has(owned), `${owned} was reported`);
    }
    // The package's second file gets no finding of its own: the fix is one config line.
    assert.ok(!reported.has("acme/orders/v1/b_items.proto"));
  });

  it("is off by default, even with owners configured", async (t) => {
    const { code, report } = await lintFixtureWith(t, FIXTURE, `lint:\n  use: [MINIMAL]\n${OWNERS}`);
    assert.equal(code, 0);
    assert.deepEqual(report.findings, []);
  });

  it("a parent prefix owns everything below it", async (t) => {
    const config = `lint:\n  use: [MINIMAL]\n  rules:\n    PACKAGE_OWNER: error\nowners:\n  acme: "@acme/platform"\n`;
    const { code, report } = await lintFixtureWith(t, FIXTURE, config);
    assert.equal(code, 0);
    assert.deepEqual(report.findings, []);
  });

  it("at severity warn, reports warnings and exits 0", async (t) => {
    const { code, report } = await lintFixtureWith(t, FIXTURE, `lint:\n  use: [MINIMAL]\n  rules:\n    PACKAGE_OWNER: warn\n${OWNERS}`);
    assert.equal(code, 0);
    assert.deepEqual(report.summary, { errors: 0, warnings: 3, files: 3 });
  });
});

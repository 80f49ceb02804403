/**
 * The ERROR_* governance rules through the real CLI (`protogov lint <fixture>
 * --format json`), one small fixture per rule under test/fixtures/errors/.
 * Every finding must sit on the line of the enum value it is about (or the
 * enum, for the domain rule), found by searching the fixture text, so the
 * fixtures can be edited without renumbering the test.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { repoRoot } from "../support/paths.js";
import { runJson } from "../support/run-cli.js";

interface Expected {
  /** Path inside the fixture. */
  file: string;
  /** Text that starts the line the finding must point at, e.g. "SHOP_ERROR_CLOSED =". */
  line: string;
  message: RegExp;
}

interface RuleCase {
  rule: string;
  fixture: string;
  expected: Expected[];
}

const SHOP = "acme/shop/v1/errors.proto";

const cases: RuleCase[] = [
  {
    rule: "ERROR_VALUE_ANNOTATED",
    fixture: "value-annotated",
    expected: [
      {
        file: SHOP,
        line: "SHOP_ERROR_UNSPECIFIED =",
        message: /zero value of error enum acme\.shop\.v1\.ShopError, which is never an error/,
      },
      {
        file: SHOP,
        line: "SHOP_ERROR_SOLD_OUT =",
        message: /SHOP_ERROR_SOLD_OUT of error enum .* has no \(protogov\.errors\.v1\.error\) option/,
      },
    ],
  },
  {
    rule: "ERROR_DOMAIN",
    fixture: "domain",
    expected: [
      { file: SHOP, line: "enum ShopError", message: /acme\.shop\.v1\.ShopError has error values but no \(protogov\.errors\.v1\.domain\)/ },
      { file: SHOP, line: "enum CartError", message: /"Shop Cart" .* is not a lowercase DNS-style name/ },
    ],
  },
  {
    rule: "ERROR_CODE_VALID",
    fixture: "code-valid",
    expected: [
      { file: SHOP, line: "SHOP_ERROR_CLOSED =", message: /has no code .* no default_code, so it would be sent as UNKNOWN/ },
      { file: SHOP, line: "SHOP_ERROR_MOVED =", message: /http_status 200 of SHOP_ERROR_MOVED is not an error status/ },
    ],
  },
  {
    rule: "ERROR_REASON_FORMAT",
    fixture: "reason-format",
    expected: [
      { file: SHOP, line: "SHOP_ERROR_CLOSED =", message: /reason "shop-closed" of SHOP_ERROR_CLOSED does not match/ },
      { file: SHOP, line: "SHOP_ERROR_LONG =", message: /is 79 characters long \(at most 63\)/ },
    ],
  },
  {
    rule: "ERROR_REASON_UNIQUE",
    fixture: "reason-unique",
    expected: [
      {
        file: "acme/cart/v1/errors.proto",
        line: "CART_ERROR_LOCKED =",
        message:
          /reason CLOSED in domain "shop\.acme\.example" .* also used by acme\.shop\.v1\.ShopError\.SHOP_ERROR_CLOSED \(acme\/shop\/v1\/errors\.proto:16\)/,
      },
      { file: SHOP, line: "SHOP_ERROR_CLOSED =", message: /also used by acme\.cart\.v1\.CartError\.CART_ERROR_LOCKED/ },
    ],
  },
  {
    rule: "ERROR_NUMBER_UNIQUE",
    fixture: "number-unique",
    expected: [
      {
        file: "acme/billing/v1/errors.proto",
        line: "BILLING_ERROR_OVERDUE =",
        message: /error number 500 .* also used by acme\.shop\.v1\.ShopError\.SHOP_ERROR_CLOSED \(acme\/shop\/v1\/errors\.proto:16\)/,
      },
      {
        file: SHOP,
        line: "SHOP_ERROR_CLOSED =",
        message: /error number 500 .* also used by acme\.billing\.v1\.BillingError\.BILLING_ERROR_OVERDUE/,
      },
      { file: SHOP, line: "SHOP_ERROR_UNNUMBERED =", message: /SHOP_ERROR_UNNUMBERED has no error number/ },
    ],
  },
  {
    rule: "ERROR_NUMBER_RANGE",
    fixture: "number-range",
    expected: [
      {
        file: SHOP,
        line: "SHOP_ERROR_MOVED =",
        message: /error number 2500 .* outside the range 1000-1999 of domain "shop\.acme\.example"/,
      },
    ],
  },
  {
    rule: "ERROR_TEMPLATE_PARAMS",
    fixture: "template-params",
    expected: [
      { file: SHOP, line: "SHOP_ERROR_CLOSED =", message: /placeholder \{Shop Id\} .* is not a lower_snake_case name/ },
      { file: SHOP, line: "SHOP_ERROR_SHORT =", message: /metadata key "x" does not match/ },
      { file: SHOP, line: "SHOP_ERROR_CLASH =", message: /\{slot_1\} and \{slot1\} .* both become the key "slot1"/ },
      { file: SHOP, line: "SHOP_ERROR_SILENT =", message: /has an empty message/ },
    ],
  },
];

/** 1-based line of the first line of a fixture file that starts (after indentation) with `text`. */
function lineStarting(path: string, text: string): number {
  const index = readFileSync(path, "utf8")
    .split("\n")
    .findIndex((l) => l.trimStart().startsWith(text));
  assert.ok(index >= 0, `${path} has no line starting with ${text}`);
  return index + 1;
}

describe("error governance rules (protogov lint --format json)", () => {
  for (const c of cases) {
    it(`${c.rule} on test/fixtures/errors/${c.fixture}`, async () => {
      const dir = `test/fixtures/errors/${c.fixture}`;
      const { code, report } = await runJson(["lint", dir], { cwd: repoRoot });
      assert.equal(code, 1, "findings at error severity exit 1");
      const found = report.findings.filter((f) => f.rule === c.rule).map((f) => ({ where: `${f.file}:${f.line}`, message: f.message }));
      const wanted = c.expected.map((e) => `${dir}/${e.file}:${lineStarting(join(repoRoot, dir, e.file), e.line)}`);
      assert.deepEqual(found.map((f) => f.where).sort(), [...wanted].sort(), `findings of ${c.rule}:\n${JSON.stringify(found, null, 2)}`);
      for (const [i, e] of c.expected.entries()) {
        const at = found.filter((f) => f.where === wanted[i]);
        assert.ok(
          at.some((f) => e.message.test(f.message)),
          `no ${c.rule} finding at ${wanted[i]} matches ${e.message}: ${JSON.stringify(at)}`,
        );
      }
    });
  }

  it("proto-examples have no ERROR_* findings", async () => {
    const { report } = await runJson(["lint", "proto-examples"], { cwd: repoRoot });
    assert.deepEqual(
      report.findings.filter((f) => f.rule.startsWith("ERROR_")),
      [],
    );
  });
});

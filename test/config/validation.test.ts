/**
 * protogov.yaml validation through `loadConfig` (and `resolveRules` for rule
 * options, which are checked against each rule's declared types): every
 * mistake names the key path, what was expected and found, and the right line.
 */
import assert from "node:assert/strict";
import { describe, it, type TestContext } from "node:test";
import { everyRule } from "../../core/engines/rules/every-rule.js";
import { resolveRules } from "../../core/engines/rules/resolve.js";
import { loadConfig } from "../../core/model/config/load.js";
import type { LoadedConfig } from "../../core/model/config/protogov-config.js";
import { ConfigError } from "../../core/model/errors.js";
import { tempProject } from "../support/temp-project.js";

function load(t: TestContext, yaml: string): LoadedConfig {
  const project = tempProject(t, { "protogov.yaml": yaml });
  return loadConfig({ startDir: project.dir });
}

/** Loads (and resolves the rules of) a config that must be rejected; returns the error. */
function rejected(t: TestContext, yaml: string): ConfigError {
  try {
    const loaded = load(t, yaml);
    resolveRules(loaded.config, loaded.lineOf, loaded.file, everyRule);
  } catch (e) {
    assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${String(e)}`);
    return e;
  }
  assert.fail(`accepted:\n${yaml}`);
}

/** The "protogov.yaml:LINE: path: message" lines of a schema error. */
function problems(e: ConfigError): string[] {
  return e.message
    .split("\n")
    .slice(1)
    .map((l) => l.trim().replace(/^.*protogov\.yaml:/, ""));
}

describe("protogov.yaml validation", () => {
  it("reports unknown keys at every depth, all at once, with did-you-mean and lines", (t) => {
    const e = rejected(
      t,
      [
        "version: 1",
        "lnt: {}",
        "modules:",
        "  - path: .",
        "    exclude: [vendor]",
        "lint:",
        "  excpt: []",
        "error_ranges:",
        "  users:",
        "    mim: 1",
      ].join("\n"),
    );
    assert.deepEqual(problems(e), [
      '2: lnt: unknown key "lnt" (did you mean "lint"?); valid keys here: version, modules, lint, breaking, owners, stability, error_ranges, targets, baseline',
      '5: modules[0].exclude: unknown key "exclude" (did you mean "excludes"?); valid keys here: path, excludes',
      '7: lint.excpt: unknown key "excpt" (did you mean "except"?); valid keys here: use, except, rules, ignore, ignore_only',
      '10: error_ranges.users.mim: unknown key "mim" (did you mean "min"?); valid keys here: min, max',
    ]);
    assert.equal(e.location?.line, 2);
    assert.match(e.location?.file ?? "", /protogov\.yaml$/);
    assert.match(e.hint ?? "", /protogov init/);
  });

  it("gives no guess for a key that resembles nothing", (t) => {
    const [line] = problems(rejected(t, "version: 1\nzzzzzz: true\n"));
    assert.equal(
      line,
      '2: zzzzzz: unknown key "zzzzzz"; valid keys here: version, modules, lint, breaking, owners, stability, error_ranges, targets, baseline',
    );
  });

  it("reports wrong types with what was expected, what was found and the value's own line", (t) => {
    const yaml = [
      'version: "1"', // 1
      "lint:", // 2
      "  use:", // 3
      "    - STANDARD", // 4
      "    - 42", // 5
      "  rules:", // 6
      "    FILE_HEADER: 42", // 7
      "    fieldNames: error", // 8
      "owners:", // 9
      "  acme.users: [a, b]", // 10
      "modules:", // 11
      "  - path: /abs/proto", // 12
    ].join("\n");
    assert.deepEqual(problems(rejected(t, yaml)), [
      '1: version: expected an integer, found string "1"',
      "5: lint.use[1]: expected a string (an UPPER_SNAKE_CASE rule id or category), found number 42",
      '7: lint.rules.FILE_HEADER: expected a severity ("error", "warn", "off") or a mapping, found 42',
      '8: lint.rules.fieldNames: invalid key "fieldNames": expected an UPPER_SNAKE_CASE rule id',
      "10: owners.acme.users: expected a string, found a list",
      '12: modules[0].path: expected a string (a path relative to the project root), found string "/abs/proto"',
    ]);
  });

  it("reports a wrong severity inside a rule mapping", (t) => {
    const [line] = problems(rejected(t, "lint:\n  rules:\n    FIELD_LOWER_SNAKE_CASE:\n      severity: eror\n"));
    assert.equal(line, '4: lint.rules.FIELD_LOWER_SNAKE_CASE: expected severity "error", "warn" or "off", found "eror"');
  });

  const invalidYaml: [string, string, number][] = [
    ["bad indentation", "version: 1\nlint:\n  use: [STANDARD]\n except: []\n", 4],
    ["a tab", "version: 1\nlint:\n\tuse: []\n", 3],
    ["a duplicate key", "version: 1\nlint: {}\nowners: {}\nlint: {}\n", 4],
  ];
  for (const [what, yaml, line] of invalidYaml) {
    it(`reports invalid YAML (${what}) with its line`, (t) => {
      const e = rejected(t, yaml);
      assert.match(e.message, new RegExp(`protogov\\.yaml:${line}: invalid YAML: `));
      assert.equal(e.location?.line, line);
      assert.match(e.hint ?? "", /YAML syntax/);
    });
  }

  const ruleOptions: [string, string[], RegExp, RegExp][] = [
    [
      "an option of the wrong type",
      ["lint:", "  rules:", "    PACKAGE_VERSION_POLICY:", "      severity: warn", "      allow: stable"],
      /protogov\.yaml:5: lint\.rules\.PACKAGE_VERSION_POLICY\.allow: expected a list of strings, found "stable"$/,
      /Allowed levels/,
    ],
    [
      "a misspelt option",
      ["version: 1", "lint:", "  rules:", "    FILE_HEADER:", "      headr: '// Copyright {year} Acme'"],
      /protogov\.yaml:5: lint\.rules\.FILE_HEADER\.headr: unknown option "headr" for rule FILE_HEADER \(did you mean "header"\?\)$/,
      /^valid options: severity, header$/,
    ],
    [
      "an option on a rule that takes none",
      ["lint:", "  rules:", "    PACKAGE_OWNER: { severity: warn, owner: '@team' }"],
      /protogov\.yaml:3: lint\.rules\.PACKAGE_OWNER\.owner: unknown option "owner" for rule PACKAGE_OWNER$/,
      /^this rule only takes severity$/,
    ],
    [
      "a header that is not a string",
      ["lint:", "  rules:", "    FILE_HEADER:", "", "      header: 42"],
      /protogov\.yaml:5: lint\.rules\.FILE_HEADER\.header: expected a string, found 42$/,
      /comment markers/,
    ],
  ];
  for (const [what, lines, message, hint] of ruleOptions) {
    it(`rejects ${what} with the key path and line`, (t) => {
      const e = rejected(t, lines.join("\n"));
      assert.match(e.message, message);
      assert.match(e.hint ?? "", hint);
    });
  }

  it("accepts a full valid config and fills defaults", (t) => {
    const loaded = load(
      t,
      [
        "version: 1",
        "modules:",
        "  - path: proto",
        "    excludes: [vendor]",
        "lint:",
        "  use: [STANDARD]",
        "  rules:",
        "    FIELD_LOWER_SNAKE_CASE: warn",
        "    PACKAGE_VERSION_POLICY: { allow: [stable] }",
        "owners:",
        "  acme.users: '@users'",
      ].join("\n"),
    );
    assert.equal(loaded.layoutSource, "protogov.yaml");
    assert.deepEqual(loaded.config.modules, [{ path: "proto", excludes: ["vendor"] }]);
    assert.deepEqual(loaded.config.lint.use, ["STANDARD"]);
    assert.deepEqual(loaded.config.lint.except, []);
    assert.deepEqual(loaded.config.breaking.use, ["FILE"]);
    assert.equal(loaded.lineOf("lint.rules.PACKAGE_VERSION_POLICY"), 9);
    const active = new Map(resolveRules(loaded.config, loaded.lineOf, loaded.file, everyRule).map((a) => [a.rule.id, a]));
    assert.equal(active.get("PACKAGE_VERSION_POLICY")?.severity, "error");
    assert.deepEqual(active.get("PACKAGE_VERSION_POLICY")?.options, { allow: ["stable"] });
    // Off by default, and not switched on here.
    assert.ok(!active.has("FILE_HEADER") && !active.has("PACKAGE_OWNER"));
  });
});

describe("error_ranges", () => {
  it("a range with min above max is a config error on its line, not findings on the protos", (t) => {
    const e = rejected(
      t,
      "version: 1\nerror_ranges:\n  users.acme.example: { min: 10000, max: 19999 }\n  orders.acme.example: { min: 29999, max: 20000 }\n",
    );
    assert.deepEqual(problems(e), ["4: error_ranges.orders.acme.example: min 29999 is above max 20000"]);
    assert.match(e.hint ?? "", /swap min and max/);
  });
});

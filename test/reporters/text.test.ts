import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { caretPadding, textReporter } from "../../core/engines/reporters/text.js";
import { finding, ORDER_PROTO, sampleReport, USER_PROTO } from "./sample-report.js";

const ESC = "\u001b";

describe("text reporter without color", () => {
  const output = textReporter(sampleReport(), { color: false });

  it("prints the whole report grouped by file, project-wide findings first", () => {
    const expected = [
      "(project)",
      "  error    The module has no README.md.  MODULE_HAS_README",
      "    hint: Add a README.md next to buf.yaml.",
      "",
      ORDER_PROTO,
      "       error    File is not formatted.  FORMAT",
      "      --- a/order.proto",
      "      +++ b/order.proto",
      "      @@ -1,2 +1,3 @@",
      '       syntax = "proto3";',
      "      +",
      "       package acme.orders;",
      '  2:1  error    Package name "acme.orders" should be suffixed with a version, such as "acme.orders.v1".  PACKAGE_VERSION_SUFFIX',
      "    2 | package acme.orders;",
      "      | ^",
      "",
      USER_PROTO,
      '  5:1   warning  Message "User" should have a non-empty comment for documentation.  COMMENT_MESSAGE',
      "    5 | message User {",
      "      | ^",
      '  6:12  error    Field name "userID" should be lower_snake_case, such as "user_id".  FIELD_LOWER_SNAKE_CASE',
      "    6 | \tstring userID = 1;",
      "      | \t       ^",
      '    hint: Rename the field to "user_id" and reserve the old name.',
      "",
      "4 errors, 1 warning in 2 files",
      "",
    ];
    assert.deepEqual(output.split("\n"), expected);
  });

  it("puts the caret under the reported column, keeping tabs so it lines up", () => {
    const lines = output.split("\n");
    const source = lines.indexOf("    6 | \tstring userID = 1;");
    const sourceText = (lines[source] ?? "").slice("    6 | ".length);
    const caretText = (lines[source + 1] ?? "").slice("      | ".length);
    // Same characters before the caret as before "userID", tabs included.
    assert.equal(caretText.indexOf("^"), sourceText.indexOf("userID"));
    assert.equal(caretText.slice(0, caretText.indexOf("^")).replace(/ /g, "x"), "\txxxxxxx");
  });

  it("maps buf's columns (tab stops of 4, wide characters 2) to the right character", () => {
    // Lines and columns as `buf lint` 1.75 reported them for FIELD_LOWER_SNAKE_CASE.
    const cases: [string, number, string][] = [
      ["  \tstring aB = 1;", 12, "aB"],
      ["\tstring\tcD = 2;", 13, "cD"],
      [" \t \tstring eF = 3;", 16, "eF"],
      ['  string a = 2 [json_name = "漢漢"]; string bC = 3;', 45, "bC"],
      ['  string c = 3 [json_name = "🦀"]; string dE = 4;', 43, "dE"],
      ["  string plain_ascii = 1;", 10, "plain_ascii"],
    ];
    for (const [source, column, name] of cases) {
      const padding = caretPadding(source, column);
      // Wide characters become two spaces: compare display cells, not string indexes.
      const before = source.slice(0, source.indexOf(name));
      const cells = [...before].map((ch) => (ch === "\t" ? "\t" : /[漢🦀]/u.test(ch) ? "  " : " ")).join("");
      assert.equal(padding, cells, `${JSON.stringify(source)} @${column}`);
    }
    assert.equal(caretPadding("ab", 1), "");
    assert.equal(caretPadding("ab", 10), "  ", "past the end: caret after the last character");
  });

  it("contains no escape codes", () => {
    assert.ok(!output.includes(ESC));
  });

  it("says so when there is nothing to report", () => {
    assert.equal(textReporter(sampleReport([]), { color: false }), "No findings.\n");
  });

  it("uses singular nouns and leaves out zero counts", () => {
    const one = textReporter(sampleReport([finding()]), { color: false });
    assert.ok(one.endsWith("\n1 error in 1 file\n"), one);
    const warnings = sampleReport([finding({ severity: "warn" }), finding({ severity: "warn", line: 7, file: ORDER_PROTO })]);
    assert.ok(textReporter(warnings, { color: false }).endsWith("\n2 warnings in 2 files\n"));
    const projectOnly = sampleReport([finding({ file: "", line: 0, column: 0 })]);
    assert.ok(textReporter(projectOnly, { color: false }).endsWith("\n1 error\n"));
  });

  it("shows a finding without source context when the line cannot be read", () => {
    const report = { ...sampleReport([finding({ line: 99, column: 2 })]) };
    const lines = textReporter(report, { color: false }).split("\n");
    assert.deepEqual(lines.slice(0, 3), [
      USER_PROTO,
      '  99:2  error    Field name "userID" should be lower_snake_case, such as "user_id".  FIELD_LOWER_SNAKE_CASE',
      "",
    ]);
    const { sourceLine: _dropped, ...withoutSource } = sampleReport([finding()]);
    assert.ok(!textReporter(withoutSource, { color: false }).includes(" | "));
  });
});

describe("text reporter with color", () => {
  const output = textReporter(sampleReport(), { color: true });

  it("colors errors red, warnings yellow, and the summary by the worst severity", () => {
    assert.ok(output.includes(`${ESC}[31merror${ESC}[39m    `), "red error label");
    assert.ok(output.includes(`${ESC}[33mwarning${ESC}[39m`), "yellow warning label");
    assert.ok(output.includes(`${ESC}[31m4 errors, 1 warning in 2 files${ESC}[39m`), "red summary");
    const onlyWarnings = textReporter(sampleReport([finding({ severity: "warn" })]), { color: true });
    assert.ok(onlyWarnings.includes(`${ESC}[33m1 warning in 1 file${ESC}[39m`), "yellow summary");
    assert.equal(textReporter(sampleReport([]), { color: true }), `${ESC}[32mNo findings.${ESC}[39m\n`);
  });

  it("makes file headings bold and underlined and dims rule ids", () => {
    assert.ok(output.includes(`${ESC}[1m${ESC}[4m${USER_PROTO}${ESC}[24m${ESC}[22m`));
    assert.ok(output.includes(`${ESC}[2mFIELD_LOWER_SNAKE_CASE${ESC}[22m`));
  });

  it("prints the same text once the escape codes are removed", () => {
    const stripped = output.replace(/\u001b\[\d+m/g, "");
    assert.equal(stripped, textReporter(sampleReport(), { color: false }));
  });
});

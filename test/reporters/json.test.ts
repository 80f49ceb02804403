import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { jsonReporter } from "../../core/engines/reporters/json.js";
import { finding, ORDER_PROTO, sampleFindings, sampleReport, trickyMessage } from "./sample-report.js";

function render(findings = sampleFindings, command = "lint"): Record<string, unknown> {
  return JSON.parse(jsonReporter(sampleReport(findings, command), { color: false })) as Record<string, unknown>;
}

describe("json reporter", () => {
  it("writes version, command, summary and findings, in that order", () => {
    const doc = render();
    assert.deepEqual(Object.keys(doc), ["version", "command", "summary", "findings"]);
    assert.equal(doc.version, 1);
    assert.equal(doc.command, "lint");
    assert.deepEqual(doc.summary, { errors: 4, warnings: 1, files: 2 });
    assert.deepEqual(Object.keys(doc.summary as object), ["errors", "warnings", "files"]);
  });

  it("lists findings sorted, with a fixed key order and optional keys only when set", () => {
    const findings = render().findings as Record<string, unknown>[];
    assert.deepEqual(
      findings.map((f) => f.rule),
      ["MODULE_HAS_README", "FORMAT", "PACKAGE_VERSION_SUFFIX", "COMMENT_MESSAGE", "FIELD_LOWER_SNAKE_CASE"],
    );
    assert.deepEqual(findings[2], {
      rule: "PACKAGE_VERSION_SUFFIX",
      severity: "error",
      source: "buf-lint",
      file: ORDER_PROTO,
      line: 2,
      column: 1,
      endLine: 2,
      endColumn: 21,
      message: 'Package name "acme.orders" should be suffixed with a version, such as "acme.orders.v1".',
    });
    assert.deepEqual(Object.keys(findings[2] ?? {}), [
      "rule",
      "severity",
      "source",
      "file",
      "line",
      "column",
      "endLine",
      "endColumn",
      "message",
    ]);
    assert.deepEqual(Object.keys(findings[0] ?? {}), ["rule", "severity", "source", "file", "line", "column", "message", "hint"]);
    assert.ok(typeof findings[1]?.detail === "string");
  });

  it("does not depend on the key order or extra keys of the findings it is given", () => {
    const scrambled = { message: "m", column: 2, line: 1, file: "a.proto", source: "protogov", severity: "warn", rule: "R" } as const;
    const withExtra = { ...scrambled, internal: "not for output" };
    const [out] = render([withExtra]).findings as Record<string, unknown>[];
    assert.deepEqual(Object.keys(out ?? {}), ["rule", "severity", "source", "file", "line", "column", "message"]);
  });

  it("is pretty-printed, newline-terminated, and byte-identical whatever the input order", () => {
    const text = jsonReporter(sampleReport(), { color: false });
    assert.ok(text.startsWith('{\n  "version": 1,\n  "command": "lint",\n'));
    assert.ok(text.endsWith("}\n"));
    const reversed = jsonReporter(sampleReport([...sampleFindings].reverse()), { color: false });
    assert.equal(reversed, text);
  });

  it("round-trips awkward messages and reports an empty run", () => {
    const [out] = render([finding({ message: trickyMessage })]).findings as { message: string }[];
    assert.equal(out?.message, trickyMessage);
    const empty = render([], "check");
    assert.deepEqual(empty, { version: 1, command: "check", summary: { errors: 0, warnings: 0, files: 0 }, findings: [] });
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { githubReporter, toWorkflowCommand } from "../../core/engines/reporters/github.js";
import type { Finding } from "../../core/model/findings/finding.js";
import { finding, ORDER_PROTO, sampleReport, trickyMessage, USER_PROTO } from "./sample-report.js";

interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
}

/**
 * A port of the GitHub Actions runner's parser for `::command k=v,...::data`
 * lines (ActionCommand.TryParseV2 in actions/runner): the command ends at the
 * second `::`, properties split on `,` then on the first `=`, empty entries
 * are dropped, and the escapes are undone by plain replacements in the
 * runner's order, `%25` last.
 */
function parseWorkflowCommand(line: string): WorkflowCommand | undefined {
  const message = line.trimStart();
  if (!message.startsWith("::")) return undefined;
  const end = message.indexOf("::", 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(" ");
  const command = space < 0 ? info : info.slice(0, space);
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const entry of info
      .slice(space + 1)
      .trim()
      .split(",")) {
      const eq = entry.indexOf("=");
      if (eq <= 0 || eq === entry.length - 1) continue;
      properties[entry.slice(0, eq)] = decode(entry.slice(eq + 1), PROPERTY_ESCAPES);
    }
  }
  const data = decode(message.slice(end + 2), DATA_ESCAPES);
  return { command, properties, data };
}

/** The runner's decoding tables, in its order: `%25` goes last so `%250A` decodes to `%0A`, not to a newline. */
const PROPERTY_ESCAPES: [string, string][] = [
  ["%0D", "\r"],
  ["%0A", "\n"],
  ["%3A", ":"],
  ["%2C", ","],
  ["%25", "%"],
];
const DATA_ESCAPES: [string, string][] = [
  ["%0D", "\r"],
  ["%0A", "\n"],
  ["%25", "%"],
];

function decode(value: string, table: [string, string][]): string {
  return table.reduce((out, [escaped, raw]) => out.replaceAll(escaped, raw), value);
}

function roundTrip(f: Finding): WorkflowCommand {
  const line = toWorkflowCommand(f);
  assert.ok(!/[\r\n]/.test(line), `one physical line: ${JSON.stringify(line)}`);
  const parsed = parseWorkflowCommand(line);
  assert.ok(parsed, `parses: ${line}`);
  return parsed;
}

describe("github reporter", () => {
  it("writes one workflow command per finding, errors and warnings, sorted", () => {
    const lines = githubReporter(sampleReport(), { color: false }).trimEnd().split("\n");
    const parsed = lines.map((line) => parseWorkflowCommand(line));
    assert.deepEqual(
      parsed.map((p) => [p?.command, p?.properties.title, p?.properties.file]),
      [
        ["error", "MODULE_HAS_README", undefined],
        ["error", "FORMAT", ORDER_PROTO],
        ["error", "PACKAGE_VERSION_SUFFIX", ORDER_PROTO],
        ["warning", "COMMENT_MESSAGE", USER_PROTO],
        ["error", "FIELD_LOWER_SNAKE_CASE", USER_PROTO],
      ],
    );
  });

  it("writes the exact line GitHub documents for a simple finding", () => {
    const f = finding({ rule: "R1", message: "Missing semicolon", file: "app.proto", line: 1, column: 5 });
    assert.equal(toWorkflowCommand(f), "::error file=app.proto,line=1,col=5,title=R1::Missing semicolon");
  });

  it("passes positions and ranges only when known", () => {
    const ranged = roundTrip(finding({ line: 2, column: 1, endLine: 3, endColumn: 4 }));
    assert.deepEqual(ranged.properties, {
      file: USER_PROTO,
      line: "2",
      col: "1",
      endLine: "3",
      endColumn: "4",
      title: "FIELD_LOWER_SNAKE_CASE",
    });
    const fileLevel = roundTrip(finding({ line: 0, column: 0 }));
    assert.deepEqual(Object.keys(fileLevel.properties), ["file", "title"]);
    const lineOnly = roundTrip(finding({ line: 7, column: 0 }));
    assert.deepEqual(Object.keys(lineOnly.properties), ["file", "line", "title"]);
  });

  it("round-trips messages with separators, percent signs and newlines", () => {
    const messages = [
      "a, b: c",
      "100% sure, 50%25 unsure, literal %0A and %3A and %2C",
      "line one\nline two\r\nline three\r",
      "::warning file=x::injected",
      "ends with a percent %",
      trickyMessage,
    ];
    for (const message of messages) {
      assert.equal(roundTrip(finding({ message })).data, message);
    }
  });

  it("round-trips property values with commas, colons, equals signs and percent signs", () => {
    const file = "dir,with:odd=chars/100%/v1:a,b.proto";
    const rule = "WEIRD:RULE,ID%2C";
    const parsed = roundTrip(finding({ file, rule, message: "m" }));
    assert.equal(parsed.properties.file, file);
    assert.equal(parsed.properties.title, rule);
    assert.equal(parsed.properties.line, "6");
    assert.equal(parsed.data, "m");
  });

  it("does not escape ; or ], which the runner's :: parser would leave as %3B and %5D", () => {
    const parsed = roundTrip(finding({ file: "a;b]/c.proto", message: "x; y]" }));
    assert.equal(parsed.properties.file, "a;b]/c.proto");
    assert.equal(parsed.data, "x; y]");
  });

  it("adds the hint and the detail to the annotation body", () => {
    const parsed = roundTrip(finding({ message: "Not formatted.", hint: "Run protogov format.", detail: "-a\n+b\n" }));
    assert.equal(parsed.data, "Not formatted.\n\nHint: Run protogov format.\n\n-a\n+b");
  });

  it("cannot be tricked into a second command by a hostile message", () => {
    const output = githubReporter(sampleReport([finding({ message: "x\n::error::owned" })]), { color: false });
    assert.equal(output.split("\n").filter((line) => line.startsWith("::")).length, 1);
  });

  it("prints nothing when there are no findings", () => {
    assert.equal(githubReporter(sampleReport([]), { color: false }), "");
  });
});

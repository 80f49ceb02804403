import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { junitReporter } from "../../core/engines/reporters/junit.js";
import { finding, ORDER_PROTO, sampleReport, trickyMessage, USER_PROTO } from "./sample-report.js";

interface Testcase {
  classname: string;
  name: string;
  failure?: { message: string; type: string; "#text"?: string };
  "system-out"?: string;
}

interface Testsuite {
  name: string;
  tests: string;
  failures: string;
  testcase: Testcase[];
}

interface Testsuites {
  name: string;
  tests: string;
  failures: string;
  testsuite: Testsuite[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  // Decode character references (&#10;) too, and keep text exactly as written.
  htmlEntities: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => name === "testsuite" || name === "testcase",
});

/**
 * The XML 1.0 `Char` production. fast-xml-parser does not check it, so the
 * test does: one stray control character makes strict consumers (Jenkins,
 * GitLab) reject the whole report.
 */
const XML_CHARS = /^[\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

function parseJunit(xml: string): Testsuites {
  assert.equal(XMLValidator.validate(xml), true, "well-formed XML");
  assert.match(xml, XML_CHARS, "only characters XML 1.0 allows");
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n'));
  return (parser.parse(xml) as { testsuites: Testsuites }).testsuites;
}

describe("junit reporter", () => {
  it("writes one suite per file and one testcase per finding, failing only on errors", () => {
    const root = parseJunit(junitReporter(sampleReport(), { color: false }));
    assert.equal(root.name, "protogov lint");
    assert.equal(root.tests, "5");
    assert.equal(root.failures, "4");
    assert.deepEqual(
      root.testsuite.map((s) => [s.name, s.tests, s.failures]),
      [
        ["(project)", "1", "1"],
        [ORDER_PROTO, "2", "2"],
        [USER_PROTO, "2", "1"],
      ],
    );
    const users = root.testsuite[2]?.testcase ?? [];
    assert.deepEqual(
      users.map((t) => [t.classname, t.name, t.failure !== undefined]),
      [
        [USER_PROTO, "COMMENT_MESSAGE 5:1", false],
        [USER_PROTO, "FIELD_LOWER_SNAKE_CASE 6:12", true],
      ],
    );
    assert.match(users[0]?.["system-out"] ?? "", /^warning: proto\/acme\/users\/v1\/user\.proto:5:1: Message "User"/);
    const failure = users[1]?.failure;
    assert.equal(failure?.type, "FIELD_LOWER_SNAKE_CASE");
    assert.equal(failure?.message, 'Field name "userID" should be lower_snake_case, such as "user_id".');
    assert.equal(
      failure?.["#text"],
      `${USER_PROTO}:6:12: Field name "userID" should be lower_snake_case, such as "user_id". (FIELD_LOWER_SNAKE_CASE)\n` +
        'hint: Rename the field to "user_id" and reserve the old name.',
    );
  });

  it("keeps a format diff intact in the failure body", () => {
    const root = parseJunit(junitReporter(sampleReport(), { color: false }));
    const format = root.testsuite[1]?.testcase.find((t) => t.name === "FORMAT");
    assert.ok(format?.failure?.["#text"]?.includes('@@ -1,2 +1,3 @@\n syntax = "proto3";\n+\n package acme.orders;'));
  });

  it("writes a single passing testcase when there are no findings, so CI shows a green suite", () => {
    const root = parseJunit(junitReporter(sampleReport([], "check"), { color: false }));
    assert.equal(root.tests, "1");
    assert.equal(root.failures, "0");
    assert.equal(root.testsuite.length, 1);
    const [only] = root.testsuite[0]?.testcase ?? [];
    assert.equal(only?.name, "no findings");
    assert.equal(only?.failure, undefined);
  });

  it("escapes XML specials, keeps newlines and tabs, and makes control characters visible", () => {
    const xml = junitReporter(sampleReport([finding({ message: trickyMessage, rule: "R<&>\"'", file: "a&b/<c>\"d'.proto" })]), {
      color: false,
    });
    const root = parseJunit(xml);
    const suite = root.testsuite[0];
    const testcase = suite?.testcase[0];
    assert.equal(suite?.name, "a&b/<c>\"d'.proto");
    assert.equal(testcase?.classname, "a&b/<c>\"d'.proto");
    assert.equal(testcase?.failure?.type, "R<&>\"'");
    // \u0001 and ESC cannot appear in XML 1.0 at all, even as &#1;: they become visible escapes.
    const expected = trickyMessage.replace("\u0001", "\\x01").replace("\u001b", "\\x1B");
    assert.equal(testcase?.failure?.message, expected);
    assert.ok(testcase?.failure?.["#text"]?.includes(expected));
  });

  it("replaces lone surrogates but keeps characters outside the BMP", () => {
    const root = parseJunit(junitReporter(sampleReport([finding({ message: "emoji 🦀 lone \uD800 end" })]), { color: false }));
    assert.equal(root.testsuite[0]?.testcase[0]?.failure?.message, "emoji 🦀 lone \\uD800 end");
  });

  it("passes warnings with their text in system-out", () => {
    const root = parseJunit(junitReporter(sampleReport([finding({ severity: "warn", message: "a < b" })]), { color: false }));
    assert.equal(root.failures, "0");
    const testcase = root.testsuite[0]?.testcase[0];
    assert.equal(testcase?.failure, undefined);
    assert.match(testcase?.["system-out"] ?? "", /^warning: .*: a < b \(FIELD_LOWER_SNAKE_CASE\)$/);
  });
});

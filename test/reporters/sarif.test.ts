import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, it } from "node:test";
import AjvDraft04 from "ajv-draft-04";
import addFormatsModule from "ajv-formats";
import { createSarifReporter, FINGERPRINT_KEY, sarifReporter, toRelativeUri } from "../../core/engines/reporters/sarif.js";
import { repoRoot } from "../support/paths.js";
import { finding, ORDER_PROTO, sampleReport, trickyMessage, USER_PROTO } from "./sample-report.js";

/**
 * The SARIF 2.1.0 schema as Microsoft's SARIF SDK ships it
 * (`@microsoft/jest-sarif`, schema "2.1.0-rtm.5", JSON Schema draft-04). It
 * matches the OASIS errata01 schema except that GUIDs are checked by pattern
 * instead of `format: uuid`, and a few enum values added later; we emit
 * neither, so validating against it is validating against SARIF 2.1.0.
 */
const schemaPath = createRequire(import.meta.url).resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
const schema = JSON.parse(readFileSync(schemaPath, "utf8")) as Record<string, unknown>;

// Both packages are CommonJS; under NodeNext their default import is the module object.
const Ajv = AjvDraft04.default;
const addFormats = addFormatsModule.default;
// unicodeRegExp: false works around the schema file, not our output: rtm.5's
// `language` pattern has a stray `]`, a syntax error under the `u` flag
// (errata01 fixed it; we never write `language`).
const ajv = new Ajv({ allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

function assertValidSarif(log: unknown): void {
  const valid = validateSarif(log);
  assert.ok(valid, JSON.stringify(validateSarif.errors, null, 2));
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[];
  partialFingerprints: Record<string, string>;
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: { tool: { driver: { name: string; version: string; rules: { id: string }[] } }; results: SarifResult[] }[];
}

function render(findings = sampleReport().findings): SarifLog {
  return JSON.parse(sarifReporter(sampleReport(findings), { color: false })) as SarifLog;
}

const fixedTool = () => ({ version: "9.9.9", informationUri: "https://example.com/protogov" });

describe("sarif reporter", () => {
  it("validates against the SARIF 2.1.0 schema: sample, empty and awkward reports", () => {
    assertValidSarif(render());
    assertValidSarif(render([]));
    assertValidSarif(JSON.parse(createSarifReporter(fixedTool)(sampleReport(), { color: false })));
    const awkward = [
      finding({ file: "dir with spaces/ünïcode #1.proto", message: trickyMessage }),
      finding({ file: "c:colon/100%.proto", line: 3, column: 0, endLine: 1, endColumn: 1 }),
      finding({ line: 4, column: 10, endLine: 4, endColumn: 2 }),
    ];
    assertValidSarif(render(awkward));
  });

  it("has a validator that rejects what SARIF forbids", () => {
    const badLevel = render([finding()]);
    const result = badLevel.runs[0]?.results[0] ?? assert.fail("no result");
    (result as { level: string }).level = "warn";
    assert.equal(validateSarif(badLevel), false);
    // Formats are checked too: an unencoded space is not a URI reference.
    const badUri = render([finding()]);
    const location = badUri.runs[0]?.results[0]?.locations[0] ?? assert.fail("no location");
    location.physicalLocation.artifactLocation.uri = "a b.proto";
    assert.equal(validateSarif(badUri), false);
  });

  it("describes the tool with protogov's name and package.json version", () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string };
    const log = render();
    assert.equal(log.version, "2.1.0");
    assert.match(log.$schema, /sarif-schema-2\.1\.0\.json$/);
    assert.equal(log.runs.length, 1);
    assert.equal(log.runs[0]?.tool.driver.name, "protogov");
    assert.equal(log.runs[0]?.tool.driver.version, pkg.version);
  });

  it("lists described rules and every rule a finding names, with matching ruleIndex", () => {
    const run = render().runs[0];
    assert.ok(run);
    const ids = run.tool.driver.rules.map((r) => r.id);
    assert.deepEqual(ids, [...ids].sort());
    for (const id of ["ENUM_ZERO_UNSPECIFIED", "FIELD_LOWER_SNAKE_CASE", "FORMAT", "PACKAGE_VERSION_SUFFIX"]) {
      assert.ok(ids.includes(id), id);
    }
    for (const result of run.results) assert.equal(run.tool.driver.rules[result.ruleIndex]?.id, result.ruleId);
  });

  it("meets GitHub code scanning's extra demands on every result", () => {
    const results = render().runs[0]?.results ?? [];
    assert.equal(results.length, 5);
    for (const result of results) {
      assert.ok(["error", "warning"].includes(result.level));
      assert.ok(result.locations.length >= 1, "at least one location");
      const { artifactLocation, region } = result.locations[0]?.physicalLocation ?? assert.fail("no physicalLocation");
      assert.notEqual(artifactLocation.uri, "");
      assert.equal(artifactLocation.uriBaseId, "%SRCROOT%");
      assert.ok(!artifactLocation.uri.startsWith("/"), "relative");
      assert.ok((region.startLine ?? 0) >= 1, "startLine >= 1");
      for (const value of Object.values(region)) assert.ok(value >= 1);
    }
  });

  it("places findings: exact region, file-level at line 1, project-wide on protogov.yaml", () => {
    const results = render().runs[0]?.results ?? [];
    const location = (rule: string) => results.find((r) => r.ruleId === rule)?.locations[0]?.physicalLocation;
    assert.deepEqual(location("PACKAGE_VERSION_SUFFIX")?.region, { startLine: 2, startColumn: 1, endLine: 2, endColumn: 21 });
    assert.deepEqual(location("FORMAT"), { artifactLocation: { uri: ORDER_PROTO, uriBaseId: "%SRCROOT%" }, region: { startLine: 1 } });
    assert.equal(location("MODULE_HAS_README")?.artifactLocation.uri, "protogov.yaml");
    assert.equal(location("FIELD_LOWER_SNAKE_CASE")?.artifactLocation.uri, USER_PROTO);
    assert.equal(
      results.find((r) => r.ruleId === "MODULE_HAS_README")?.message.text,
      "The module has no README.md.\nHint: Add a README.md next to buf.yaml.",
    );
  });

  it("percent-encodes paths into relative URI references", () => {
    assert.equal(toRelativeUri("a b/c#d/100%.proto"), "a%20b/c%23d/100%25.proto");
    assert.equal(toRelativeUri("c:x/y.proto"), "c%3Ax/y.proto");
    assert.equal(toRelativeUri(USER_PROTO), USER_PROTO);
  });

  it("fingerprints by rule, file and message: stable when lines move, distinct otherwise", () => {
    const fingerprint = (f: ReturnType<typeof finding>, others: ReturnType<typeof finding>[] = []) =>
      render([f, ...others]).runs[0]?.results.find((r) => r.message.text === f.message)?.partialFingerprints[FINGERPRINT_KEY];
    const base = fingerprint(finding());
    assert.match(base ?? "", /^[0-9a-f]{32}$/);
    assert.equal(fingerprint(finding({ line: 40, column: 2 })), base);
    assert.notEqual(fingerprint(finding({ message: "other" })), base);
    assert.notEqual(fingerprint(finding({ file: ORDER_PROTO })), base);
    assert.notEqual(fingerprint(finding({ rule: "OTHER" })), base);
    const twins = render([finding({ line: 1 }), finding({ line: 2 })]).runs[0]?.results ?? [];
    const [first, second] = twins.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    assert.notEqual(first, second, "identical findings on two lines stay two alerts");
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { REPORTER_NAMES } from "../../cli/reporter-names.js";
import { getReporter, isReporterName, reporterDescriptions, reporterNames, reporters } from "../../core/engines/reporters/index.js";
import { UsageError } from "../../core/model/errors.js";
import { sampleReport } from "./sample-report.js";

describe("reporter registry", () => {
  it("offers the seven reporters by name, text first", () => {
    assert.deepEqual(reporterNames, ["text", "json", "github", "sarif", "junit", "gitlab", "markdown"]);
    assert.deepEqual(Object.keys(reporterDescriptions), [...reporterNames]);
  });

  it("matches the list the CLI keeps apart for --help", () => {
    assert.deepEqual([...REPORTER_NAMES], [...reporterNames]);
  });

  it("returns the registered reporter for each name", () => {
    for (const name of reporterNames) {
      assert.equal(getReporter(name), reporters[name]);
      assert.ok(isReporterName(name));
    }
  });

  it("rejects an unknown name with a usage error that lists the valid ones", () => {
    assert.throws(
      () => getReporter("xml"),
      (error: unknown) => {
        assert.ok(error instanceof UsageError);
        assert.equal(error.kind, "usage");
        assert.match(error.message, /unknown reporter "xml"/);
        for (const name of reporterNames) assert.ok(error.message.includes(name), name);
        return true;
      },
    );
  });

  it("does not mistake inherited object keys for reporters", () => {
    for (const name of ["toString", "constructor", "__proto__", "hasOwnProperty", ""]) {
      assert.equal(isReporterName(name), false, name);
      assert.throws(() => getReporter(name), UsageError);
    }
  });

  it("runs every reporter over a full and an empty report without throwing", () => {
    for (const name of reporterNames) {
      for (const report of [sampleReport(), sampleReport([])]) {
        for (const color of [false, true]) {
          const output = getReporter(name)(report, { color });
          assert.equal(typeof output, "string");
          assert.ok(output === "" || output.endsWith("\n"), `${name} ends with a newline`);
        }
      }
    }
  });

  it("leaves the report untouched (reporters sort a copy)", () => {
    const report = sampleReport();
    const before = report.findings.map((f) => f.rule);
    for (const name of reporterNames) getReporter(name)(report, { color: false });
    assert.deepEqual(
      report.findings.map((f) => f.rule),
      before,
    );
  });

  it("ignores color in the machine formats", () => {
    for (const name of reporterNames.filter((n) => n !== "text")) {
      const report = sampleReport();
      assert.equal(getReporter(name)(report, { color: true }), getReporter(name)(report, { color: false }), name);
    }
  });
});

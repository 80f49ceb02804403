/**
 * A tree above the thresholds where `check` changes how it works reports
 * exactly what the same files report when checked by path (the image path:
 * buf lint from the sources next to the build, the rules in the main thread):
 * format, buf lint and governance findings. By default a large check without a
 * base lints from the sources with the rules as a buf check plugin; forced
 * onto the image path, over 500 files the rules run in a worker thread.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { brief, runJson } from "../support/run-cli.js";
import { cleanProto, tempProject } from "../support/temp-project.js";

const FILES = 520;

function largeTree(t: Parameters<typeof tempProject>[0]) {
  const files: Record<string, string> = { "protogov.yaml": "version: 1\n" };
  for (let i = 0; i < FILES; i++) files[`acme/p${i}/v1/p${i}.proto`] = cleanProto(`acme.p${i}.v1`, `Thing${i}`);
  // Unformatted: buf format would indent the field.
  files["acme/p7/v1/p7.proto"] =
    'syntax = "proto3";\n\npackage acme.p7.v1;\n\n// A Thing7.\nmessage Thing7 {\n// The id.\nstring id = 1;\n}\n';
  // buf lint: a field name that is not lower_snake_case.
  files["acme/p11/v1/p11.proto"] = cleanProto("acme.p11.v1", "Thing11", "  // The id.\n  string Id = 1;\n");
  // protogov's PACKAGE_VERSION_POLICY: the test level is not allowed by default.
  files["acme/p13/v1test/p13.proto"] = cleanProto("acme.p13.v1test", "Thing13");
  return tempProject(t, files);
}

describe(`check on a tree of ${FILES + 1} files`, () => {
  it("reports format, buf lint and governance findings, and nothing else", async (t) => {
    const p = largeTree(t);
    const { code, report, stderr } = await runJson(["check"], { cwd: p.dir });
    assert.equal(code, 1, stderr);
    const found = brief(report.findings);
    assert.ok(found.includes("acme/p7/v1/p7.proto:4 FORMAT"), found.join("\n"));
    assert.ok(found.includes("acme/p11/v1/p11.proto:8 FIELD_LOWER_SNAKE_CASE"), found.join("\n"));
    assert.ok(
      found.some((f) => f.startsWith("acme/p13/v1test/p13.proto:3 ") && f.endsWith(" PACKAGE_VERSION_POLICY")),
      found.join("\n"),
    );
    const files = new Set(report.findings.map((f) => f.file));
    assert.deepEqual([...files].sort(), ["acme/p11/v1/p11.proto", "acme/p13/v1test/p13.proto", "acme/p7/v1/p7.proto"]);
  });

  it("the same files checked as a small tree give the same findings", async (t) => {
    const p = largeTree(t);
    const large = await runJson(["check"], { cwd: p.dir });
    const small = await runJson(["check", "acme/p7", "acme/p11", "acme/p13"], { cwd: p.dir });
    assert.deepEqual(brief(small.report.findings), brief(large.report.findings));
    assert.equal(small.code, large.code);
  });

  it("the image path with the rules in a worker gives the same findings", async (t) => {
    const p = largeTree(t);
    const plugin = await runJson(["check"], { cwd: p.dir, env: { PROTOGOV_TIMINGS: "1" } });
    assert.match(plugin.stderr, /"lint-sources":/, "by default the large check linted from the sources");
    assert.doesNotMatch(plugin.stderr, /"compile":/);
    const image = await runJson(["check"], { cwd: p.dir, env: { PROTOGOV_LINT_VIA: "image", PROTOGOV_TIMINGS: "1" } });
    assert.deepEqual(image.report.findings, plugin.report.findings);
    assert.match(image.stderr, /"rules":/, "the image path ran the rules itself");
    assert.doesNotMatch(image.stderr, /"lint-sources":/);
  });
});

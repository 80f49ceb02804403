/**
 * Every breaking finding says how to make the change safely and how to accept
 * it when it is meant; buf's lint findings say the fix and link the rule.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type JsonFinding, runCli } from "../support/run-cli.js";
import { tempProject } from "../support/temp-project.js";

const BASE = `syntax = "proto3";

package acme.x.v1;

// A thing.
message Thing {
  // Its name.
  string name = 1;
  // Its colour.
  string colour = 2;
}
`;

describe("hints", () => {
  it("a removed field: reserve the number and name, deprecate first; accept with the exact comment or entry", async (t) => {
    const base = tempProject(t, { "acme/x/v1/thing.proto": BASE });
    const head = tempProject(t, { "acme/x/v1/thing.proto": BASE.replace("  // Its colour.\n  string colour = 2;\n", "") });
    const run = await runCli(["breaking", "--against", base.dir, "--format", "json"], { cwd: head.dir });
    assert.equal(run.code, 1, run.stderr);
    const findings = (JSON.parse(run.stdout) as { findings: (JsonFinding & { hint?: string })[] }).findings;
    assert.ok(findings.length > 0);
    for (const f of findings) {
      assert.match(f.hint ?? "", /reserved 4; reserved \\"old_name\\"|reserve|new major version|new field/, `${f.rule}: ${f.hint}`);
      assert.ok(f.hint?.includes(`protogov:allow-breaking ${f.rule} <reason>`), `${f.rule}: ${f.hint}`);
      assert.ok(f.hint?.includes(`breaking.accept: [{ rule: ${f.rule}, path: acme/x/v1/thing.proto`), `${f.rule}: ${f.hint}`);
    }
    const deleted = findings.find((f) => f.rule === "FIELD_NO_DELETE");
    assert.match(deleted?.hint ?? "", /deprecate it first .* reserve its number and name/);
  });

  it("buf's lint findings say the fix and link the rule's documentation", async (t) => {
    const p = tempProject(t, { "acme/x/v1/thing.proto": BASE.replace("  // Its name.\n", "") });
    const run = await runCli(["lint", "--format", "json"], { cwd: p.dir });
    const findings = (JSON.parse(run.stdout) as { findings: (JsonFinding & { hint?: string })[] }).findings;
    const comment = findings.find((f) => f.rule === "COMMENT_FIELD");
    assert.match(comment?.hint ?? "", /write a `\/\/` comment right above the element .*buf\.build\/docs\/lint\/rules\/#comment_field/);
  });
});

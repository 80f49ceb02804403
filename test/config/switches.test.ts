/**
 * Every rule id that config validation accepts can be switched off, through
 * `lint.rules.ID: off` and through `lint.except`, and the run agrees: exit 0
 * or 1, never a tool error (buf refused protogov's own ids before). FORMAT off
 * skips the format check, FORMAT warn reports without failing, and COMPILE is
 * refused by validation with a reason instead of failing later.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { describe, it } from "node:test";
import { bufBinary } from "../../core/engines/buf/buf.js";
import { everyRule as governanceRules } from "../../core/engines/rules/every-rule.js";
import { runCli } from "../support/run-cli.js";
import { tempProject } from "../support/temp-project.js";

const UNFORMATTED = `syntax = "proto3";

package acme.x.v1;

// A thing.
message Thing {
      // Its name.
   string name = 1;
}
`;

function bufLintIds(): string[] {
  const out = execFileSync(bufBinary(), ["config", "ls-lint-rules", "--version", "v2", "--format", "json", "--include-deprecated"], {
    encoding: "utf8",
  });
  return out
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => (JSON.parse(l) as { id: string }).id);
}

function yamlList(ids: readonly string[]): string {
  return ids.map((id) => `    - ${id}`).join("\n");
}

describe("switching rules off", () => {
  const ours = [...governanceRules.map((r) => r.id), "FORMAT"];

  it("every id of buf's and protogov's, off through lint.rules and through lint.except, runs (exit 0 or 1)", async (t) => {
    const p = tempProject(t, { "acme/x/v1/thing.proto": UNFORMATTED });
    const all = [...bufLintIds(), ...ours];
    assert.ok(all.length > 50, `only ${all.length} rule ids`);
    const asRules = `version: 1\nlint:\n  rules:\n${all.map((id) => `    ${id}: off`).join("\n")}\n`;
    p.write("protogov.yaml", asRules);
    const byRules = await runCli(["check", "--format", "json"], { cwd: p.dir });
    assert.ok(byRules.code === 0 || byRules.code === 1, byRules.stderr);
    assert.deepEqual((JSON.parse(byRules.stdout) as { findings: unknown[] }).findings, [], "everything is off");
    p.write("protogov.yaml", `version: 1\nlint:\n  except:\n${yamlList(all)}\n`);
    const byExcept = await runCli(["check", "--format", "json"], { cwd: p.dir });
    assert.ok(byExcept.code === 0 || byExcept.code === 1, byExcept.stderr);
    // One id at a time for protogov's own: each alone must run too.
    for (const id of ours) {
      p.write("protogov.yaml", `version: 1\nlint:\n  rules:\n    ${id}: off\n`);
      const one = await runCli(["lint", "--format", "json"], { cwd: p.dir });
      assert.ok(one.code === 0 || one.code === 1, `${id}: ${one.stderr}`);
      p.write("protogov.yaml", `version: 1\nlint:\n  except: [${id}]\n`);
      const except = await runCli(["lint", "--format", "json"], { cwd: p.dir });
      assert.ok(except.code === 0 || except.code === 1, `${id} in except: ${except.stderr}`);
    }
  });

  it("FORMAT off skips the format check; warn reports without failing; a governance id in except is off", async (t) => {
    const p = tempProject(t, { "acme/x/v1/thing.proto": UNFORMATTED });
    const rules = (findings: { rule: string; severity: string }[]) => findings.map((f) => `${f.rule}:${f.severity}`);
    p.write("protogov.yaml", "version: 1\n");
    const on = await runCli(["check", "--format", "json"], { cwd: p.dir });
    assert.equal(on.code, 1);
    assert.ok(rules(JSON.parse(on.stdout).findings).includes("FORMAT:error"), on.stdout);
    p.write("protogov.yaml", "version: 1\nlint:\n  rules:\n    FORMAT: off\n");
    const off = await runCli(["check", "--format", "json"], { cwd: p.dir });
    assert.equal(off.code, 0, off.stdout + off.stderr);
    p.write("protogov.yaml", "version: 1\nlint:\n  except: [FORMAT]\n");
    assert.equal((await runCli(["check"], { cwd: p.dir })).code, 0);
    p.write("protogov.yaml", "version: 1\nlint:\n  rules:\n    FORMAT: warn\n");
    const warn = await runCli(["check", "--format", "json"], { cwd: p.dir });
    assert.equal(warn.code, 0);
    assert.deepEqual(rules(JSON.parse(warn.stdout).findings), ["FORMAT:warn"]);
    p.write("protogov.yaml", "version: 1\nowners:\n  other: team-a\nlint:\n  rules:\n    PACKAGE_OWNER: error\n");
    assert.ok(
      rules(JSON.parse((await runCli(["lint", "--format", "json"], { cwd: p.dir })).stdout).findings).includes("PACKAGE_OWNER:error"),
    );
    p.write(
      "protogov.yaml",
      "version: 1\nowners:\n  other: team-a\nlint:\n  rules:\n    PACKAGE_OWNER: error\n  except: [PACKAGE_OWNER]\n",
    );
    const excepted = await runCli(["lint", "--format", "json"], { cwd: p.dir });
    assert.ok(!rules(JSON.parse(excepted.stdout).findings).some((r) => r.startsWith("PACKAGE_OWNER")), excepted.stdout);
  });

  it("COMPILE cannot be switched off: validation says why (exit 2), with the line", async (t) => {
    const p = tempProject(t, { "acme/x/v1/thing.proto": UNFORMATTED });
    p.write("protogov.yaml", "version: 1\nlint:\n  rules:\n    COMPILE: off\n");
    const run = await runCli(["lint"], { cwd: p.dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /protogov\.yaml:4: COMPILE cannot be switched off or lowered/);
    assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace");
  });
});

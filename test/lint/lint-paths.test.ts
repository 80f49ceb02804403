/**
 * `lint` runs one of two ways (core/features/pipeline/checks.ts): build an image, then
 * buf lint and protogov's rules on it; or one `buf lint` from the sources with
 * protogov's rules inside it as a check plugin (large runs). Both must report
 * the same findings, hints and exit code on every fixture: rule violations,
 * compile errors, a binary file, a broken import, and a clean API.
 */
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { everyRule as governanceRules } from "../../core/engines/rules/every-rule.js";
import { examplesDir, fixturesDir } from "../support/paths.js";
import { runCli, runJson } from "../support/run-cli.js";
import { cleanProto, tempProject } from "../support/temp-project.js";

function lintVia(via: "image" | "plugin" | "served", cwd: string, args: readonly string[] = []) {
  return runJson(["lint", ...args], { cwd, env: { PROTOGOV_LINT_VIA: via } });
}

async function assertSameFindings(cwd: string, args: readonly string[] = []): Promise<number> {
  const image = await lintVia("image", cwd, args);
  for (const via of ["plugin", "served"] as const) {
    const other = await lintVia(via, cwd, args);
    assert.deepEqual(other.report.findings, image.report.findings, via);
    assert.equal(other.code, image.code, other.stderr);
    assert.equal(other.stderr, image.stderr);
  }
  return image.report.findings.length;
}

const RULE_FIXTURES = readdirSync(join(fixturesDir, "rules"));

describe("lint through the image and through buf's check plugin (its own process, or served by protogov)", () => {
  for (const name of RULE_FIXTURES) {
    it(`agree on the ${name} rule fixture`, async () => {
      const count = await assertSameFindings(join(fixturesDir, "rules", name));
      assert.ok(count > 0, "the fixture has findings to compare");
    });
  }

  for (const name of readdirSync(join(fixturesDir, "errors"))) {
    it(`agree on the errors/${name} fixture`, async () => {
      const count = await assertSameFindings(join(fixturesDir, "errors", name));
      assert.ok(count > 0, "the fixture has findings to compare");
    });
  }

  for (const name of ["lint-violation", "syntax-error", "binary-proto", "bad-import"]) {
    it(`agree on the ${name} fixture`, async () => {
      const count = await assertSameFindings(fixturesDir, [name]);
      assert.ok(count > 0, "the fixture has findings to compare");
    });
  }

  it("agree on proto-examples (no findings)", async () => {
    assert.equal(await assertSameFindings(examplesDir), 0);
  });

  it("agree when versions import each other in many packages (buf does not send files in dependency order)", async (t) => {
    const files: Record<string, string> = { "protogov.yaml": "version: 1\n" };
    for (let i = 0; i < 40; i++) {
      files[`acme/p${i}/v1/base.proto`] = cleanProto(`acme.p${i}.v1`, `Base${i}`);
      files[`acme/p${i}/v2/next.proto`] = cleanProto(
        `acme.p${i}.v2`,
        `Next${i}`,
        `  // The base.\n  acme.p${i}.v1.Base${i} base = 1;\n`,
      ).replace("\n\n// A", `\n\nimport "acme/p${i}/v1/base.proto";\n\n// A`);
    }
    const p = tempProject(t, files);
    const plugin = await lintVia("plugin", p.dir);
    assert.equal(plugin.report.findings.filter((f) => f.rule === "IMPORT_NO_CROSS_VERSION").length, 40);
    assert.equal(await assertSameFindings(p.dir), 40);
  });

  it("agree with every governance rule off (then buf lint runs without the plugin)", async (t) => {
    const off = governanceRules.map((r) => `    ${r.id}: off`).join("\n");
    const p = tempProject(t, {
      "protogov.yaml": `version: 1\nlint:\n  rules:\n${off}\n`,
      // PACKAGE_VERSION_POLICY would report v1test; buf's FIELD_LOWER_SNAKE_CASE reports Id.
      "acme/x/v1test/x.proto": cleanProto("acme.x.v1test", "Thing", "  // The id.\n  string Id = 1;\n"),
    });
    const plugin = await lintVia("plugin", p.dir);
    assert.deepEqual(
      plugin.report.findings.map((f) => f.rule),
      ["FIELD_LOWER_SNAKE_CASE"],
    );
    assert.equal(await assertSameFindings(p.dir), 1);
  });

  it("agree when the module directory holds its own buf.yaml (buf must still read the workspace's settings and plugin)", async (t) => {
    const p = tempProject(t, {
      "buf.yaml": "version: v2\nlint:\n  use: [STANDARD]\n  except: [FIELD_LOWER_SNAKE_CASE]\n",
      // PACKAGE_VERSION_POLICY reports v1test (a governance rule); FIELD_LOWER_SNAKE_CASE is excepted.
      "acme/x/v1test/x.proto": cleanProto("acme.x.v1test", "Thing", "  // The id.\n  string Id = 1;\n"),
    });
    const served = await lintVia("served", p.dir);
    assert.deepEqual(
      served.report.findings.map((f) => f.rule),
      ["PACKAGE_VERSION_POLICY"],
    );
    assert.equal(await assertSameFindings(p.dir), 1);
    assert.equal(await assertSameFindings(p.dir, ["acme/x/v1test/x.proto"]), 1);
  });

  it("take the image path for a project of several modules, even when the plugin is asked for", async () => {
    // buf would check each module in its own plugin call; cross-file rules need them all in one.
    const layout = join(fixturesDir, "layouts", "buf-v2");
    const result = await runCli(["lint"], { cwd: layout, env: { PROTOGOV_LINT_VIA: "plugin", PROTOGOV_TIMINGS: "1" } });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /"compile":/);
    assert.doesNotMatch(result.stderr, /"lint-sources":/);
    const single = await runCli(["lint"], { cwd: examplesDir, env: { PROTOGOV_LINT_VIA: "plugin", PROTOGOV_TIMINGS: "1" } });
    assert.match(single.stderr, /"lint-sources":/, "one module: the plugin path");
  });

  it("a small run lints once from the sources, its rules answered by protogov itself (no image, no second Node)", async () => {
    const r = await runCli(["lint"], { cwd: examplesDir, env: { PROTOGOV_TIMINGS: "1" } });
    assert.equal(r.code, 0, r.stderr);
    const timings = JSON.parse(/protogov timings \(ms\): (.*)/.exec(r.stderr)?.[1] ?? "{}") as Record<string, number>;
    assert.ok("lint-sources" in timings && !("compile" in timings), r.stderr);
    // Set by the served check only: a fallback to the plugin's own process would leave it out.
    assert.ok("rules" in timings, r.stderr);
  });

  it("refuses an unknown PROTOGOV_LINT_VIA with exit 2", async () => {
    const result = await runCli(["lint"], { cwd: examplesDir, env: { PROTOGOV_LINT_VIA: "fast" } });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /PROTOGOV_LINT_VIA is "fast"/);
    assert.match(result.stderr, /set it to served, plugin or image/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });
});

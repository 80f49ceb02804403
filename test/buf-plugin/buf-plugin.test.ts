/**
 * `buf-plugin-protogov` run by real buf from a buf.yaml: lint findings with
 * protogov's rule ids and messages, options from buf.yaml, the error-catalog
 * breaking rules in `buf breaking`, a wrong option failing loudly, and the
 * descriptive answers of the sh launcher equal to what the Node side computes.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { DESCRIPTOR_FILES } from "../../core/features/buf-plugin/descriptors.js";
import { answer } from "../../core/features/buf-plugin/serve.js";
import { repoRoot } from "../support/paths.js";
import { errorsModule, pluginEnv, runBufJson } from "./plugin-project.js";

const lintYaml = (options: string) => `version: v2
lint:
  use: [STANDARD, PROTOGOV]
plugins:
  - plugin: buf-plugin-protogov
${options}`;

describe("buf-plugin-protogov in buf lint", () => {
  it("reports protogov's findings with its rule ids, messages and buf.yaml options", (t) => {
    const env = pluginEnv(t);
    const project = errorsModule(t, lintYaml(`    options:\n      error_ranges: ["shop.acme.example=1000-1999"]\n`));
    const r = runBufJson(["lint"], project.dir, env);
    assert.equal(r.code, 100, r.stderr);
    const ours = r.findings.filter((f) => f.plugin === "buf-plugin-protogov");
    assert.deepEqual(
      ours.map((f) => `${f.path}:${f.start_line} ${f.type}`),
      ["acme/shop/v1/errors.proto:18 ERROR_NUMBER_RANGE"],
    );
    assert.match(ours[0]?.message ?? "", /error number 2500 of SHOP_ERROR_MOVED is outside the range 1000-1999/);
    // The off-by-default rules are not in PROTOGOV: no PACKAGE_OWNER or FILE_HEADER finding.
    assert.ok(!r.findings.some((f) => f.type === "PACKAGE_OWNER"));
  });

  it("runs an off-by-default rule that buf.yaml selects, with its options", (t) => {
    const env = pluginEnv(t);
    const project = errorsModule(
      t,
      `version: v2
lint:
  use: [PACKAGE_OWNER]
plugins:
  - plugin: buf-plugin-protogov
    options:
      owners: ["acme.shop=@shop-team"]
`,
    );
    const r = runBufJson(["lint"], project.dir, env);
    // acme.shop is owned; protogov's own options package is not.
    assert.deepEqual(
      r.findings.map((f) => `${f.path} ${f.type}`),
      ["protogov/errors/v1/errors.proto PACKAGE_OWNER"],
    );
    assert.equal(r.code, 100);
  });

  it("fails the run with a message naming a wrong option", (t) => {
    const env = pluginEnv(t);
    const project = errorsModule(t, lintYaml(`    options:\n      error_ranges: ["shop.acme.example=many"]\n`));
    const r = spawnSync(join(repoRoot, "node_modules", ".bin", "buf"), ["lint"], { cwd: project.dir, env, encoding: "utf8" });
    assert.equal(r.status, 1);
    assert.match(r.stderr + r.stdout, /option error_ranges: "shop\.acme\.example=many" is not DOMAIN=MIN-MAX/);
  });
});

describe("buf-plugin-protogov in buf breaking", () => {
  it("reports a changed error number with protogov's rule id, next to buf's own rules", (t) => {
    const env = pluginEnv(t);
    const yaml = `version: v2\nbreaking:\n  use: [FILE, PROTOGOV_ERROR_CATALOG]\nplugins:\n  - plugin: buf-plugin-protogov\n`;
    const base = errorsModule(t, yaml);
    const head = errorsModule(t, yaml);
    const file = "acme/shop/v1/errors.proto";
    head.write(file, head.read(file).replace("number: 2500", "number: 2501").replace("SHOP_ERROR_CLOSED = 1", "SHOP_ERROR_SHUT = 1"));
    const r = runBufJson(["breaking", "--against", base.dir], head.dir, env);
    assert.equal(r.code, 100, r.stderr);
    const rules = r.findings.map((f) => `${f.path}:${f.start_line} ${f.type}`).sort();
    assert.ok(rules.includes(`${file}:18 ERROR_NUMBER_CHANGED`), rules.join("\n"));
    assert.ok(rules.includes(`${file}:16 ENUM_VALUE_NO_DELETE`) || rules.some((x) => x.includes("ENUM_VALUE")), rules.join("\n"));
    const changed = r.findings.find((f) => f.type === "ERROR_NUMBER_CHANGED");
    assert.match(changed?.message ?? "", /from `2500` to `2501`/);
    // Unchanged trees: nothing to report.
    const same = runBufJson(["breaking", "--against", base.dir], base.dir, env);
    assert.deepEqual(same.findings, []);
    assert.equal(same.code, 0);
  });
});

describe("bin/buf-plugin-protogov", () => {
  it("answers buf's descriptive calls from the build's bytes, equal to what Node computes", async () => {
    const bin = join(repoRoot, "bin", "buf-plugin-protogov");
    for (const [file, call] of Object.entries(DESCRIPTOR_FILES)) {
      const fromNode = Buffer.from(await answer(call, async () => new Uint8Array(0)));
      assert.deepEqual(readFileSync(join(repoRoot, "dist", "cli", "buf-plugin", file)), fromNode, file);
      const args = call === "spec" ? ["--spec", "--format", "binary"] : [call, "--format", "binary"];
      const r = spawnSync(bin, args);
      assert.equal(r.status, 0);
      assert.deepEqual(r.stdout, fromNode, call);
    }
    assert.equal(spawnSync(bin, ["--protocol"], { encoding: "utf8" }).stdout, "1\n");
    const unknown = spawnSync(bin, ["generate"], { encoding: "utf8" });
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /Unknown call: generate/);
  });
});

/**
 * protogov's buf check plugin (core/engines/lint/buf-check-plugin/) called the way buf
 * calls it, through its real `sh` script: the pluginrpc descriptive calls, a
 * `check` whose request holds a real image's files (in reverse order: buf does
 * not promise dependency order), and the failure paths, which must end as
 * errors that say what happened, never as missing findings.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, it, type TestContext } from "node:test";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import { compileProject } from "../../core/engines/compile/compile.js";
import { imageFileBytes } from "../../core/engines/compile/image-bytes.js";
import { readImageFile } from "../../core/engines/compile/image-reader.js";
import { createWorkspace } from "../../core/engines/compile/workspace.js";
import { installRulesPlugin, type RulesPlugin } from "../../core/engines/lint/buf-check-plugin/install.js";
import { encodeEmptyCheckResponse, PROCEDURES } from "../../core/engines/lint/buf-check-plugin/protocol.js";
import { rulesInputOf, runGovernanceRules } from "../../core/engines/rules/engine.js";
import { everyRule } from "../../core/engines/rules/every-rule.js";
import { ToolError } from "../../core/model/errors.js";
import { compareFindings } from "../../core/model/findings/finding.js";
import { openProject } from "../../core/model/project/project.js";
import { fixturesDir } from "../support/paths.js";
import { ruleFixture } from "../support/rule-fixtures.js";

function tempDir(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), "protogov-plugin-test-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function call(plugin: RulesPlugin, args: string[], stdin: Uint8Array = new Uint8Array(0)) {
  const [command, ...fixed] = plugin.command;
  const result = spawnSync(command, [...fixed, ...args, "--format", "binary"], { input: stdin });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.toString("utf8") };
}

/** A pluginrpc Request around a CheckRequest with the image's files, last file first. */
function checkRequest(image: Uint8Array): Uint8Array {
  const check = new BinaryWriter();
  for (const file of [...imageFileBytes(image)].reverse()) {
    check.tag(1, WireType.LengthDelimited).fork().tag(1, WireType.LengthDelimited).bytes(file).join();
  }
  const request = new BinaryWriter();
  request.tag(1, WireType.LengthDelimited).fork();
  request.tag(1, WireType.LengthDelimited).string("type.googleapis.com/buf.plugin.check.v1.CheckRequest");
  request.tag(2, WireType.LengthDelimited).bytes(check.finish());
  return request.join().finish();
}

/** The fixture compiled by buf, and what the rules report on it when run on the image. */
async function compiledFixture(t: TestContext, dir: string) {
  const project = openProject({ cwd: dir });
  const ws = createWorkspace(project);
  t.after(() => ws.dispose());
  const compiled = await compileProject(project, ws);
  assert.ok(compiled.imagePath, JSON.stringify(compiled.findings));
  const input = rulesInputOf(project);
  return {
    input,
    image: readFileSync(compiled.imagePath),
    expected: runGovernanceRules(readImageFile(compiled.imagePath), input, everyRule),
  };
}

describe("protogov's buf check plugin", () => {
  it("answers pluginrpc's descriptive calls from its script", async (t) => {
    const { input } = await compiledFixture(t, ruleFixture("package-version-policy"));
    const plugin = installRulesPlugin(tempDir(t), input);
    // Run through /bin/sh, the script needs no execute bit (temporary directories may be noexec);
    // the lint tests run buf with it as it is.
    assert.equal(plugin.command[0], "/bin/sh");
    assert.equal(statSync(plugin.command[1] ?? "").mode & 0o111, 0);
    assert.equal(call(plugin, ["--protocol"]).stdout.toString(), "1\n");
    const spec = call(plugin, ["--spec"]).stdout.toString("latin1");
    for (const p of PROCEDURES) assert.ok(spec.includes(p.path) && spec.includes(p.args[0]), p.path);
    assert.match(call(plugin, ["list-rules"]).stdout.toString("latin1"), /PROTOGOV_GOVERNANCE[\s\S]*PROTOGOV_RULES/);
    assert.match(call(plugin, ["list-categories"]).stdout.toString("latin1"), /ListCategoriesResponse[\s\S]*PROTOGOV_RULES/);
    const unknown = call(plugin, ["lint"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unexpected call: lint/);
  });

  // Rules that relate files to each other: imports, one finding per package, duplicates across files.
  const crossFile = [
    ruleFixture("import-no-cross-version"),
    ruleFixture("package-owner"),
    join(fixturesDir, "errors", "number-unique"),
    join(fixturesDir, "errors", "reason-unique"),
  ];
  for (const dir of crossFile) {
    it(`reports on a check request what the rules report on the image (${basename(dir)})`, async (t) => {
      const { input, image, expected } = await compiledFixture(t, dir);
      assert.ok(expected.length > 0, "the fixture has findings");
      const plugin = installRulesPlugin(tempDir(t), input);
      const result = call(plugin, ["check"], checkRequest(image));
      assert.equal(result.code, 0, result.stderr);
      assert.deepEqual(new Uint8Array(result.stdout), encodeEmptyCheckResponse());
      assert.deepEqual(plugin.collect(false).sort(compareFindings), expected.sort(compareFindings));
    });
  }

  it("turns a request it cannot read into an error for buf and for protogov", async (t) => {
    const { input } = await compiledFixture(t, ruleFixture("package-version-policy"));
    const plugin = installRulesPlugin(tempDir(t), input);
    const result = call(plugin, ["check"], new Uint8Array([0x0a, 0x05, 0x12, 0x03, 0x0a, 0xff]));
    assert.equal(result.code, 0);
    // A pluginrpc Response with only `error` (field 2): buf prints its message and fails.
    assert.equal(result.stdout[0], 0x12);
    assert.throws(
      () => plugin.collect(false),
      (e: unknown) => e instanceof ToolError && /rules failed inside buf lint/.test(e.message),
    );
  });

  it("fails a second check in one run: cross-file rules need every file in one request", async (t) => {
    const { input, image } = await compiledFixture(t, ruleFixture("package-version-policy"));
    const plugin = installRulesPlugin(tempDir(t), input);
    call(plugin, ["check"], checkRequest(image));
    call(plugin, ["check"], checkRequest(image));
    assert.throws(() => plugin.collect(false), /several requests/);
  });

  it("is an error when buf never ran the rules, unless the files did not compile", async (t) => {
    const { input } = await compiledFixture(t, ruleFixture("package-version-policy"));
    const plugin = installRulesPlugin(tempDir(t), input);
    assert.deepEqual(plugin.collect(true), []);
    assert.throws(() => plugin.collect(false), /finished without running protogov's rules/);
  });
});

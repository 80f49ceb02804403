/**
 * `protogov init` on temp copies: the protogov.yaml it writes is valid, finds
 * the module roots from the package declarations, makes `protogov check` pass
 * on a clean tree, and is never overwritten without --force.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadConfig } from "../../core/model/config/load.js";
import { examplesDir } from "../support/paths.js";
import { assertNoCrash, assertNoFindings, runCli } from "../support/run-cli.js";
import { cleanProto, tempProject } from "../support/temp-project.js";

describe("protogov init", () => {
  it("writes a protogov.yaml for proto-examples that makes `protogov check` exit 0", async (t) => {
    const p = tempProject(t);
    p.copy(examplesDir);
    const init = await runCli(["init"], { cwd: p.dir });
    assert.deepEqual(init, {
      code: 0,
      stdout: "Wrote protogov.yaml: 9 .proto file(s) in 1 module(s) (.).\nNext: protogov check\n",
      stderr: "",
    });
    const loaded = loadConfig({ startDir: p.dir });
    assert.equal(loaded.file, p.path("protogov.yaml"));
    assert.equal(loaded.layoutSource, "protogov.yaml");
    assert.deepEqual(loaded.config.modules, [{ path: ".", excludes: [] }]);
    assertNoFindings(await runCli(["check"], { cwd: p.dir }));
  });

  it("refuses to overwrite an existing protogov.yaml without --force (exit 2), and overwrites with it", async (t) => {
    const p = tempProject(t);
    p.copy(examplesDir);
    p.write("protogov.yaml", "# hand-written\nversion: 1\n");
    const refused = await runCli(["init"], { cwd: p.dir });
    assert.equal(refused.code, 2);
    assert.equal(refused.stdout, "");
    assert.match(refused.stderr, /^protogov: usage error: protogov\.yaml already exists in .+\n {2}hint: pass --force to overwrite it\n$/);
    assertNoCrash(refused);
    assert.equal(p.read("protogov.yaml"), "# hand-written\nversion: 1\n");

    const forced = await runCli(["init", "--force"], { cwd: p.dir });
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(p.read("protogov.yaml"), /^# protogov\.yaml: governance for this repository's Protobuf APIs\./);
  });

  it("finds module roots below the current directory from the package declarations", async (t) => {
    const p = tempProject(t);
    p.copy(examplesDir, "proto");
    p.write("third_party/vendor/v1/vendor.proto", cleanProto("vendor.v1", "Vendored"));
    const init = await runCli(["init"], { cwd: p.dir });
    assert.equal(init.code, 0, init.stderr);
    assert.match(init.stdout, /^Wrote protogov\.yaml: 10 \.proto file\(s\) in 2 module\(s\) \(proto, third_party\)\.\n/);
    const loaded = loadConfig({ startDir: p.dir });
    assert.deepEqual(
      loaded.config.modules.map((m) => m.path),
      ["proto", "third_party"],
    );
    assertNoFindings(await runCli(["check"], { cwd: p.dir }));
  });

  it("exits 2 with a hint in a directory without .proto files, writing nothing", async (t) => {
    const p = tempProject(t, { "README.md": "no protos here\n" });
    const result = await runCli(["init"], { cwd: p.dir });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^protogov: input error: no \.proto files found under .+\n {2}hint: run `protogov init` at the root/);
    assertNoCrash(result);
    assert.throws(() => p.read("protogov.yaml"), /ENOENT/);
  });
});

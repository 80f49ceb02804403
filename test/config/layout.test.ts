/**
 * Where the project and its modules come from: protogov.yaml found upward,
 * zero config, and buf.yaml v1/v2 or buf.work.yaml layouts when there is no
 * protogov.yaml. Checked through `loadConfig`/`openProject`, and through the
 * CLI for a multi-module project whose modules import each other.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { loadConfig } from "../../core/model/config/load.js";
import { ConfigError } from "../../core/model/errors.js";
import { openProject, type Project } from "../../core/model/project/project.js";
import { fixturesDir } from "../support/paths.js";
import { assertNoFindings, runCli } from "../support/run-cli.js";
import { cleanProto, tempProject } from "../support/temp-project.js";

const layouts = join(fixturesDir, "layouts");

/** Each file as `rel -> importPath @ module`. */
function fileMap(project: Project): string[] {
  return project.files.map((f) => `${f.rel} -> ${f.importPath} @ ${project.modules[f.module]?.rel}`);
}

describe("config discovery", () => {
  it("uses defaults with zero config: the start directory is the only module", (t) => {
    const p = tempProject(t, { "acme/x/v1/x.proto": cleanProto("acme.x.v1", "X") });
    const loaded = loadConfig({ startDir: p.dir });
    assert.equal(loaded.file, undefined);
    assert.equal(loaded.root, p.dir);
    assert.equal(loaded.layoutSource, "default");
    assert.deepEqual(loaded.config.modules, [{ path: ".", excludes: [] }]);
    assert.deepEqual(loaded.config.lint.use, ["STANDARD", "COMMENTS"]);
  });

  it("treats an empty protogov.yaml as all defaults", (t) => {
    const p = tempProject(t, { "protogov.yaml": "# nothing configured yet\n" });
    const loaded = loadConfig({ startDir: p.dir });
    assert.equal(loaded.file, p.path("protogov.yaml"));
    assert.equal(loaded.layoutSource, "default");
    assert.deepEqual(loaded.config.lint.rules, {});
  });

  it("finds protogov.yaml upward from a subdirectory, and its modules resolve from there", (t) => {
    const p = tempProject(t, {
      "protogov.yaml": "version: 1\nmodules:\n  - path: proto\n",
      "proto/acme/x/v1/x.proto": cleanProto("acme.x.v1", "X"),
      "proto/acme/y/v1/y.proto": cleanProto("acme.y.v1", "Y"),
    });
    const loaded = loadConfig({ startDir: p.path("proto/acme/x/v1") });
    assert.equal(loaded.file, p.path("protogov.yaml"));
    assert.equal(loaded.root, p.dir);
    const project = openProject({ cwd: p.path("proto/acme/x"), paths: ["v1"] });
    assert.deepEqual(fileMap(project), [
      "proto/acme/x/v1/x.proto -> acme/x/v1/x.proto @ proto",
      "proto/acme/y/v1/y.proto -> acme/y/v1/y.proto @ proto",
    ]);
    assert.deepEqual(
      project.inScope.map((f) => f.rel),
      ["proto/acme/x/v1/x.proto"],
    );
  });

  it("stops the search at the repository root (.git)", (t) => {
    const p = tempProject(t, { "protogov.yaml": "lint:\n  use: [MINIMAL]\n", "repo/sub/a.proto": cleanProto("a", "A") });
    p.write("repo/.git/HEAD", "ref: refs/heads/main\n");
    const loaded = loadConfig({ startDir: p.path("repo/sub") });
    assert.equal(loaded.file, undefined);
    assert.equal(loaded.root, p.path("repo/sub"));
  });

  it("takes the layout from buf.yaml when protogov.yaml has no modules, and protogov.yaml's modules otherwise", (t) => {
    const buf = "version: v2\nmodules:\n  - path: a\n  - path: b\n";
    const p = tempProject(t, { "buf.yaml": buf, "protogov.yaml": "lint:\n  use: [MINIMAL]\n" });
    const fromBuf = loadConfig({ startDir: p.dir });
    assert.equal(fromBuf.layoutSource, "buf.yaml");
    assert.deepEqual(
      fromBuf.config.modules.map((m) => m.path),
      ["a", "b"],
    );
    assert.deepEqual(fromBuf.config.lint.use, ["MINIMAL"]);
    p.write("protogov.yaml", "modules:\n  - path: c\n");
    const own = loadConfig({ startDir: p.dir });
    assert.equal(own.layoutSource, "protogov.yaml");
    assert.deepEqual(own.config.modules, [{ path: "c", excludes: [] }]);
  });

  it("reports a buf.yaml that is not YAML, and a buf.work.yaml without directories, as config errors", (t) => {
    const p = tempProject(t, { "buf.yaml": "version: v2\nmodules: [\n" });
    assert.throws(
      () => loadConfig({ startDir: p.dir }),
      (e) => e instanceof ConfigError && /buf\.yaml is not valid YAML/.test(e.message),
    );
    const w = tempProject(t, { "buf.work.yaml": "version: v1\n" });
    assert.throws(
      () => loadConfig({ startDir: w.dir }),
      (e) => e instanceof ConfigError && /buf\.work\.yaml lists no directories/.test(e.message),
    );
  });
});

describe("buf layouts without protogov.yaml", () => {
  it("buf.yaml v1: the directory is the module and build.excludes are left out", () => {
    const project = openProject({ cwd: join(layouts, "buf-v1") });
    assert.equal(project.loaded.layoutSource, "buf.yaml");
    assert.deepEqual(fileMap(project), [
      "acme/common/v1/money.proto -> acme/common/v1/money.proto @ .",
      "acme/orders/v1/order.proto -> acme/orders/v1/order.proto @ .",
    ]);
  });

  it("buf.yaml v2: one module per entry, excludes written relative to buf.yaml", () => {
    const project = openProject({ cwd: join(layouts, "buf-v2") });
    assert.equal(project.loaded.layoutSource, "buf.yaml");
    assert.deepEqual(
      project.modules.map((m) => m.rel),
      ["proto/common", "proto/services"],
    );
    assert.deepEqual(fileMap(project), [
      "proto/common/acme/common/v1/money.proto -> acme/common/v1/money.proto @ proto/common",
      "proto/services/acme/billing/v1/invoice.proto -> acme/billing/v1/invoice.proto @ proto/services",
    ]);
  });

  it("buf.work.yaml: one module per directory", () => {
    const project = openProject({ cwd: join(layouts, "buf-work") });
    assert.equal(project.loaded.layoutSource, "buf.work.yaml");
    assert.deepEqual(fileMap(project), [
      "common/acme/common/v1/money.proto -> acme/common/v1/money.proto @ common",
      "apis/acme/payments/v1/payment.proto -> acme/payments/v1/payment.proto @ apis",
    ]);
  });

  for (const layout of ["buf-v1", "buf-v2", "buf-work"]) {
    it(`protogov check compiles the ${layout} project clean, imports across modules included`, async () => {
      // --all: in incremental mode (a branch) an unchanged fixture would not be checked at all.
      assertNoFindings(await runCli(["check", "--all"], { cwd: join(layouts, layout) }));
    });
  }
});

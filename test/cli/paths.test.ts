/**
 * Paths on the command line narrow a run to files or directories inside the
 * project's modules: violations elsewhere (even in files the targets import)
 * are not reported, and a path outside every module is an input error (exit 2).
 */
import assert from "node:assert/strict";
import { describe, it, type TestContext } from "node:test";
import { examplesDir } from "../support/paths.js";
import { assertNoCrash, assertNoFindings, brief, runCli, runJson } from "../support/run-cli.js";
import { cleanProto, type TempProject, tempProject } from "../support/temp-project.js";

const VIOLATION = "\n// A bad message.\nmessage bad_message {\n  // A bad field.\n  string BadField = 1;\n}\n";

/** A copy of proto-examples under `api/` with a protogov.yaml, and violations in orders and in common (imported by users). */
function examplesWithViolations(t: TestContext, config = "version: 1\n"): { p: TempProject; ordersLine: number; addressLine: number } {
  const p = tempProject(t);
  p.copy(examplesDir, "api");
  p.write("api/protogov.yaml", config);
  const inject = (rel: string): number => {
    const text = p.read(rel);
    p.write(rel, text + VIOLATION);
    return text.split("\n").length + 2; // the `message bad_message` line
  };
  return { p, ordersLine: inject("api/acme/orders/v1/orders.proto"), addressLine: inject("api/acme/common/v1/address.proto") };
}

describe("paths narrow lint and check", () => {
  it("`lint api/acme/users` lints only that package: violations in other packages and in its imports are not reported", async (t) => {
    const { p } = examplesWithViolations(t);
    const users = await runCli(["lint", "api/acme/users"], { cwd: p.dir });
    assert.deepEqual(users, { code: 0, stdout: "No findings.\n", stderr: "" });
    assertNoFindings(await runCli(["check", "acme/users/v1/users.proto"], { cwd: p.path("api") }));
  });

  it("the same project without paths reports both violations, named relative to the cwd", async (t) => {
    const { p, ordersLine, addressLine } = examplesWithViolations(t);
    const { code, report } = await runJson(["lint", "api"], { cwd: p.dir });
    assert.equal(code, 1);
    assert.deepEqual(brief(report.findings), [
      `api/acme/common/v1/address.proto:${addressLine} MESSAGE_PASCAL_CASE`,
      `api/acme/common/v1/address.proto:${addressLine + 2} FIELD_LOWER_SNAKE_CASE`,
      `api/acme/orders/v1/orders.proto:${ordersLine} MESSAGE_PASCAL_CASE`,
      `api/acme/orders/v1/orders.proto:${ordersLine + 2} FIELD_LOWER_SNAKE_CASE`,
    ]);
  });

  it("several paths, files and directories, add up", async (t) => {
    const { p, ordersLine } = examplesWithViolations(t);
    const { code, report } = await runJson(["lint", "acme/users", "acme/orders/v1/orders.proto"], { cwd: p.path("api") });
    assert.equal(code, 1);
    assert.deepEqual(brief(report.findings), [
      `acme/orders/v1/orders.proto:${ordersLine} MESSAGE_PASCAL_CASE`,
      `acme/orders/v1/orders.proto:${ordersLine + 2} FIELD_LOWER_SNAKE_CASE`,
    ]);
  });

  it("a path outside the modules exits 2, naming the path and the modules", async (t) => {
    const p = tempProject(t, {
      "protogov.yaml": "version: 1\nmodules:\n  - path: proto\n",
      "proto/acme/x/v1/x.proto": cleanProto("acme.x.v1", "X"),
      "tools/gen/v1/gen.proto": cleanProto("gen.v1", "Gen"),
    });
    for (const path of ["tools", "tools/gen/v1/gen.proto"]) {
      const result = await runCli(["lint", path], { cwd: p.dir });
      assert.equal(result.code, 2, `${path}: ${result.stdout}${result.stderr}`);
      assert.equal(result.stdout, "");
      assert.match(
        result.stderr,
        new RegExp(
          `input error: ${path.replace(/\./g, "\\.")}: path ${path.replace(/\./g, "\\.")} is outside the project's modules \\(proto\\)`,
        ),
      );
      assert.match(result.stderr, /\n {2}hint: pass paths inside a module/);
      assertNoCrash(result);
    }
  });

  it("a directory inside a module without .proto files exits 2", async (t) => {
    const p = tempProject(t, {
      "protogov.yaml": "version: 1\n",
      "acme/x/v1/x.proto": cleanProto("acme.x.v1", "X"),
      "docs/README.md": "docs\n",
    });
    const result = await runCli(["check", "docs"], { cwd: p.dir });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /input error: docs: no \.proto files under docs\n {2}hint: /);
    assertNoCrash(result);
  });

  it("zero config: a package directory inside a tree of protos still resolves imports from the tree's root", async (t) => {
    const p = tempProject(t);
    p.copy(examplesDir, "api");
    const result = await runCli(["lint", "api/acme/users"], { cwd: p.dir });
    assert.deepEqual(result, { code: 0, stdout: "No findings.\n", stderr: "" });
  });

  it("zero config: a single file inside a tree of protos resolves imports from the tree's root", async (t) => {
    const p = tempProject(t);
    p.copy(examplesDir, "api");
    const result = await runCli(["lint", "api/acme/users/v1/users.proto"], { cwd: p.dir });
    assert.deepEqual(result, { code: 0, stdout: "No findings.\n", stderr: "" });
  });
});

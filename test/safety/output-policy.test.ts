/**
 * The output policy (core/features/generate/output-dir.ts, cli/output.ts): no
 * command writes outside the project or over its sources, an output that is a
 * file is a clean error, and a full disk (a real tmpfs) leaves every original
 * byte-identical with no temporary file behind.
 */
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { examplesDir } from "../support/paths.js";
import { runCli } from "../support/run-cli.js";
import { tempProject } from "../support/temp-project.js";
import { leftoverTemps, mountTmpfs } from "../support/tmpfs.js";

const TARGET = (out: string, pluginOut?: string) => `version: 1
targets:
  - name: docs
    language: typescript
    out: ${JSON.stringify(out)}
    plugins: [{ name: es${pluginOut ? `, out: ${JSON.stringify(pluginOut)}` : ""} }]
`;

function assertNoStack(stderr: string): void {
  assert.doesNotMatch(stderr, /internal error|\n\s+at /);
}

describe("output policy", () => {
  it("refuses a target whose out leaves the project, leaving the files there alone", async (t) => {
    const outer = tempProject(t);
    outer.write("index.html", "<p>the user's page</p>\n");
    outer.copy(join(examplesDir, "acme"), "a/api/acme");
    outer.write("a/api/.git/HEAD", "");
    outer.write("a/api/protogov.yaml", TARGET("../.."));
    const r = await runCli(["generate"], { cwd: outer.path("a/api") });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /outside the project/);
    assertNoStack(r.stderr);
    assert.equal(outer.read("index.html"), "<p>the user's page</p>\n");
  });

  it("refuses a plugin out that climbs out of its target's directory", async (t) => {
    const p = tempProject(t);
    p.copy(join(examplesDir, "acme"), "acme");
    p.write("protogov.yaml", TARGET("gen/ts", "../.."));
    p.write("index.html", "<p>mine</p>\n");
    const r = await runCli(["generate"], { cwd: p.dir });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /plugin es has out "\.\.\/\.\."/);
    assert.equal(existsSync(p.path("gen")), false);
    assert.equal(p.read("index.html"), "<p>mine</p>\n");
  });

  it("refuses docs --out naming a source directory", async (t) => {
    const p = tempProject(t);
    p.copy(join(examplesDir, "acme"), "acme");
    p.write("acme/index.html", "<p>the user's page</p>\n");
    const r = await runCli(["docs", "--out", "acme"], { cwd: p.dir });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /source file|holds the project's sources/);
    assertNoStack(r.stderr);
    assert.equal(p.read("acme/index.html"), "<p>the user's page</p>\n");
    assert.deepEqual(leftoverTemps(p.dir), []);
  });

  it("refuses docs --out the project root and outside it", async (t) => {
    const p = tempProject(t);
    p.copy(join(examplesDir, "acme"), "acme");
    for (const out of [".", "../elsewhere"]) {
      const r = await runCli(["docs", "--out", out], { cwd: p.dir });
      assert.equal(r.code, 2, `${out}: ${r.stderr}`);
      assertNoStack(r.stderr);
    }
    assert.equal(existsSync(p.path("index.html")), false);
  });

  it("refuses lint --output naming a .proto and keeps the file", async (t) => {
    const p = tempProject(t);
    p.copy(join(examplesDir, "acme"), "acme");
    const file = "acme/users/v1/users.proto";
    const before = p.read(file);
    const r = await runCli(["lint", "--output", file], { cwd: p.dir });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /names a source file/);
    assert.equal(p.read(file), before);
  });

  it("reports a target output that is a file as a clean error", async (t) => {
    const p = tempProject(t);
    p.copy(join(examplesDir, "acme"), "acme");
    p.write("protogov.yaml", TARGET("gen/ts"));
    p.write("gen/ts", "a file, not a directory\n");
    const r = await runCli(["generate"], { cwd: p.dir });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /is a file, not a directory/);
    assertNoStack(r.stderr);
    assert.equal(p.read("gen/ts"), "a file, not a directory\n");
  });

  it("format --write on a full disk leaves every .proto byte-identical and no temporary file", async (t) => {
    const fs = mountTmpfs(t, 2048);
    const root = join(fs.dir, "api");
    mkdirSync(join(root, ".git"), { recursive: true });
    cpSync(join(examplesDir, "acme"), join(root, "acme"), { recursive: true });
    // Unformatted: every file has something for buf format to rewrite, one of them large.
    const files = ["acme/users/v1/users.proto", "acme/orders/v1/orders.proto"];
    const big = `${readFileSync(join(root, files[0] ?? ""), "utf8")}\n${"//   padding comment line\n".repeat(4000)}message   Padding   {}\n`;
    writeFileSync(join(root, files[0] ?? ""), big);
    writeFileSync(join(root, files[1] ?? ""), `${readFileSync(join(root, files[1] ?? ""), "utf8")}\nmessage   Spacing   {}\n`);
    const before = files.map((f) => readFileSync(join(root, f)));
    const filler = fs.fill();
    const r = await runCli(["format", "--write"], { cwd: root });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /ENOSPC/);
    assertNoStack(r.stderr);
    for (const [i, f] of files.entries()) assert.deepEqual(readFileSync(join(root, f)), before[i], f);
    assert.deepEqual(leftoverTemps(root), []);
    // With space again the same command formats both files.
    rmSync(filler);
    const ok = await runCli(["format", "--write"], { cwd: root });
    assert.equal(ok.code, 0, ok.stderr);
    assert.notDeepEqual(readFileSync(join(root, files[1] ?? "")), before[1]);
  });

  it("docs on a full disk keeps the previous site and leaves no staging directory", async (t) => {
    const fs = mountTmpfs(t, 4096);
    const root = join(fs.dir, "api");
    mkdirSync(join(root, ".git"), { recursive: true });
    cpSync(join(examplesDir, "acme"), join(root, "acme"), { recursive: true });
    const first = await runCli(["docs", "--out", "site"], { cwd: root });
    assert.equal(first.code, 0, first.stderr);
    const index = readFileSync(join(root, "site", "index.html"));
    fs.fill();
    const r = await runCli(["docs", "--out", "site"], { cwd: root });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /ENOSPC/);
    assertNoStack(r.stderr);
    assert.deepEqual(readFileSync(join(root, "site", "index.html")), index);
    assert.deepEqual(leftoverTemps(root), []);
  });
});

/**
 * `protogov format` on temp copies: the check mode shows buf's diff and exits 1,
 * `--write` rewrites exactly as `buf format` does, and a file that does not
 * compile is reported and left byte-identical.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it, type TestContext } from "node:test";
import { bufBinary } from "../../core/engines/buf/buf.js";
import { examplesDir, fixturesDir } from "../support/paths.js";
import { assertNoCrash, runCli, runJson } from "../support/run-cli.js";
import { type TempProject, tempProject } from "../support/temp-project.js";

const MESSY = "acme/common/v1/messy.proto";
const MESSY_TEXT =
  'syntax = "proto3";\npackage acme.common.v1;\n// A messy message.\nmessage   Messy {\n  // The id.\n     string   id=1;\n}\n';

/** proto-examples plus one unformatted (but valid and lint-clean) file. */
function messyExamples(t: TestContext): TempProject {
  const p = tempProject(t);
  p.copy(examplesDir);
  p.write(MESSY, MESSY_TEXT);
  return p;
}

/** What `buf format` itself prints for a text, from a scratch directory. */
function bufFormatted(t: TestContext, text: string): string {
  const scratch = tempProject(t, { "x.proto": text });
  return execFileSync(bufBinary(), ["format", "x.proto"], { cwd: scratch.dir, encoding: "utf8" });
}

describe("protogov format", () => {
  it("shows the diff and exits 1 when a file is unformatted, changing nothing", async (t) => {
    const p = messyExamples(t);
    const result = await runCli(["format"], { cwd: p.dir });
    assert.equal(result.code, 1);
    assert.match(result.stdout, new RegExp(`^${MESSY}\\n {2}1:1 +error +file is not formatted +FORMAT\\n`));
    assert.match(result.stdout, /\n\s+-message {3}Messy \{\n\s+\+message Messy \{\n/);
    assert.match(result.stdout, /\n\s+- {5}string {3}id=1;\n\s+\+ {2}string id = 1;\n/);
    assert.match(result.stdout, /hint: run `protogov format --write` to fix it/);
    assert.match(result.stdout, /\n1 error in 1 file\n$/);
    assert.equal(p.read(MESSY), MESSY_TEXT);
  });

  it("--format json lists one FORMAT finding with the diff as detail", async (t) => {
    const p = messyExamples(t);
    const { code, report } = await runJson(["format"], { cwd: p.dir });
    assert.equal(code, 1);
    assert.deepEqual(
      report.findings.map((f) => `${f.file} ${f.rule}`),
      [`${MESSY} FORMAT`],
    );
    const detail = (report.findings[0] as { detail?: string } | undefined)?.detail ?? "";
    assert.match(detail, /^@@ -1,7 \+1,7 @@\n/);
    assert.match(detail, /\n-message {3}Messy \{\n\+message Messy \{\n/);
  });

  it("--write rewrites the file exactly as buf format does, exits 0, and the next check is clean", async (t) => {
    const p = messyExamples(t);
    const users = p.read("acme/users/v1/users.proto");
    const write = await runCli(["format", "--write"], { cwd: p.dir });
    assert.equal(write.code, 0, write.stdout + write.stderr);
    assert.equal(write.stderr, `Formatted 1 file(s):\n  ${MESSY}\n`);
    assert.equal(p.read(MESSY), bufFormatted(t, MESSY_TEXT));
    assert.equal(p.read("acme/users/v1/users.proto"), users);
    assert.deepEqual(await runCli(["format"], { cwd: p.dir }), { code: 0, stdout: "No findings.\n", stderr: "" });
    const again = await runCli(["format", "--write"], { cwd: p.dir });
    assert.deepEqual(again, { code: 0, stdout: "", stderr: "All files are formatted.\n" });
  });

  it("--write with a path formats only the files under it", async (t) => {
    const p = messyExamples(t);
    // A protogov.yaml marks the root; without one the directory given would be the root.
    p.write("protogov.yaml", "version: 1\n");
    const otherMessy = "acme/orders/v1/messy.proto";
    const otherText = MESSY_TEXT.replace("acme.common.v1", "acme.orders.v1");
    p.write(otherMessy, otherText);
    const result = await runCli(["format", "--write", "acme/common"], { cwd: p.dir });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, `Formatted 1 file(s):\n  ${MESSY}\n`);
    assert.equal(p.read(otherMessy), otherText);
  });

  it("--write on a file with a syntax error reports the compile error (exit 1) and leaves every file byte-identical", async (t) => {
    const p = tempProject(t);
    p.copy(join(fixturesDir, "syntax-error"));
    // buf format alone would "fix" this file's stray braces and rewrite its neighbour.
    p.write("acme/x/v1/braces.proto", 'syntax = "proto3";\npackage acme.x.v1;\n// Braces.\nmessage Braces {\n  string id = 1;\n  }}}\n');
    p.write("acme/x/v1/messy.proto", 'syntax = "proto3";\npackage acme.x.v1;\n// Messy.\nmessage   Messy {\n}\n');
    const before = ["thing.proto", "braces.proto", "messy.proto"].map((f) => readFileSync(p.path(`acme/x/v1/${f}`)));
    const result = await runCli(["format", "--write"], { cwd: p.dir });
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /acme\/x\/v1\/thing\.proto\n {2}9:1 +error +unexpected `}` after definition +COMPILE\n/);
    assert.match(result.stdout, /acme\/x\/v1\/braces\.proto\n {2}6:\d+ +error .* COMPILE\n/);
    assertNoCrash(result);
    const after = ["thing.proto", "braces.proto", "messy.proto"].map((f) => readFileSync(p.path(`acme/x/v1/${f}`)));
    assert.deepEqual(after, before);
  });
});

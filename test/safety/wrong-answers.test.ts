/**
 * No wrong answer and no crash: a damaged cache entry is recompiled, not read
 * as an empty base; files that are not text are findings naming the file in
 * every command that reads protos; a file buf panics on is a COMPILE finding
 * naming it, without buf's stack (test/fixtures/buf-panic made buf 1.75
 * panic); format reports syntax errors with their line; a closed stdout ends
 * quietly with the exit code the run would have had; --config naming a
 * directory is a config error.
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { cliBin, examplesDir, fixturesDir } from "../support/paths.js";
import { runCli, runJson } from "../support/run-cli.js";
import { tempProject } from "../support/temp-project.js";

const USERS = "acme/users/v1/users.proto";
const NO_STACK = /internal error|goroutine \d+|\n\s+at \S+ \(/;

describe("the base cache is verified", () => {
  for (const [damage, bytes] of [
    ["empty", Buffer.alloc(0)],
    ["corrupt", Buffer.from("\u0000\u00ff not an image at all \u0001\u0002")],
  ] as const) {
    it(`an ${damage} cache entry is recompiled: a deleted field is still breaking`, async (t) => {
      const p = tempProject(t);
      p.copy(join(examplesDir, "acme"), "base/acme");
      p.copy(join(examplesDir, "acme"), "head/acme");
      p.write("head/.git/HEAD", "");
      const head = p.path("head");
      const text = p.read(`head/${USERS}`);
      const field = /\n(\s+\/\/[^\n]*\n)*\s+string email = \d+;\n/.exec(text);
      assert.ok(field, "users.proto has an email field");
      p.write(`head/${USERS}`, text.replace(field[0], "\n"));
      const env = { PROTOGOV_CACHE_DIR: p.path("cache") };
      const first = await runCli(["breaking", "--against", p.path("base")], { cwd: head, env });
      assert.equal(first.code, 1, first.stderr + first.stdout);
      const entries = readdirSync(p.path("cache")).filter((f) => f.endsWith(".binpb"));
      assert.equal(entries.length, 1, entries.join(", "));
      writeFileSync(join(p.path("cache"), entries[0] ?? ""), bytes);
      const again = await runCli(["breaking", "--against", p.path("base")], { cwd: head, env });
      assert.equal(again.code, 1, again.stderr + again.stdout);
      assert.match(again.stdout, /email/);
      assert.doesNotMatch(again.stderr, NO_STACK);
      assert.notEqual(readFileSync(join(p.path("cache"), entries[0] ?? "")).length, bytes.length, "the entry was rewritten");
    });
  }
});

describe("files that are not text", () => {
  for (const [name, args, code] of [
    ["docs", ["docs", "--out", "site"], 2],
    ["generate", ["generate"], 2],
    ["scaffold", ["scaffold", "--out", "test/api"], 2],
    ["format", ["format"], 1],
  ] as const) {
    it(`${name} names a non-UTF-8 .proto instead of leaving it out`, async (t) => {
      const p = tempProject(t);
      p.copy(join(examplesDir, "acme"), "acme");
      p.write("protogov.yaml", "version: 1\ntargets:\n  - name: py\n    language: python\n    plugins: [{ name: python }]\n");
      writeFileSync(p.path("acme/users/v1/latin1.proto"), Buffer.from([0x2f, 0x2f, 0x20, 0xe9, 0xe8, 0x0a]));
      const r = await runCli([...args], { cwd: p.dir });
      assert.equal(r.code, code, r.stderr + r.stdout);
      assert.match(r.stderr + r.stdout, /acme\/users\/v1\/latin1\.proto/);
      assert.match(r.stderr + r.stdout, /not text/);
      assert.doesNotMatch(r.stderr, NO_STACK);
    });
  }
});

describe("files that cannot be read", () => {
  for (const [name, args, code] of [
    ["lint", ["lint"], 1],
    ["check", ["check"], 1],
    ["format", ["format"], 1],
    ["docs", ["docs", "--out", "site"], 2],
  ] as const) {
    it(`${name} names a link to itself as unreadable (no buf failure without a file)`, async (t) => {
      const p = tempProject(t);
      p.copy(join(examplesDir, "acme"), "acme");
      symlinkSync("loop.proto", p.path("acme/users/v1/loop.proto"));
      const r = await runCli([...args], { cwd: p.dir });
      assert.equal(r.code, code, r.stderr + r.stdout);
      assert.match(
        r.stderr + r.stdout,
        /acme\/users\/v1\/loop\.proto:?\n? *1:1.*cannot be read \(ELOOP\)|acme\/users\/v1\/loop\.proto:1:1: .*cannot be read \(ELOOP\)/,
      );
      assert.doesNotMatch(r.stderr, NO_STACK);
      assert.doesNotMatch(r.stderr, /EvalSymlinks/);
    });
  }

  it("an unreadable file (EACCES, for a user who may not read it) is a finding naming it, not an internal error", async (t) => {
    const p = tempProject(t);
    p.copy(join(examplesDir, "acme"), "acme");
    p.write("acme/users/v1/secret.proto", 'syntax = "proto3";\npackage acme.users.v1;\n');
    chmodSync(p.path("acme/users/v1/secret.proto"), 0o000);
    // Root reads everything: run protogov as nobody, over a copy of the project nobody may enter.
    chmodSync(p.dir, 0o755);
    execFileSync("chmod", ["-R", "a+rX", p.path("acme")]);
    chmodSync(p.path("acme/users/v1/secret.proto"), 0o000);
    let dir = p.dir;
    while (dir !== "/") {
      chmodSync(dir, statSync(dir).mode | 0o005);
      dir = dirname(dir);
    }
    // A home and temp directory nobody may write (buf keeps a cache there).
    const home = p.path("home");
    mkdirSync(home);
    chmodSync(home, 0o777);
    const r = spawnSync("setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--", process.execPath, cliBin, "lint"], {
      cwd: p.dir,
      encoding: "utf8",
      env: { ...process.env, HOME: home, TMPDIR: home, PROTOGOV_NO_CACHE: "1", NO_COLOR: "1" },
    });
    assert.equal(r.status, 1, r.stderr + r.stdout);
    assert.match(r.stdout, /acme\/users\/v1\/secret\.proto\n {2}1:1 +error +this file cannot be read \(EACCES\)/);
    assert.match(r.stdout, /check the file's permissions/);
    assert.doesNotMatch(r.stderr, NO_STACK);
  });
});

describe("compiler failures", () => {
  it("a file buf 1.75 panics on is a COMPILE finding naming it, with one line and no stack", async (t) => {
    const p = tempProject(t);
    p.copy(join(fixturesDir, "buf-panic"));
    for (const command of ["lint", "format"]) {
      const { code, report, stderr } = await runJson([command], { cwd: p.dir });
      assert.equal(code, 1, `${command}: ${stderr}`);
      const compile = report.findings.filter((f) => f.rule === "COMPILE");
      assert.deepEqual(
        compile.map((f) => f.file),
        ["acme/x/v1/truncated.proto"],
        command,
      );
      assert.match(compile[0]?.message ?? "", /crashes on this file: [^\n]+$/);
      assert.doesNotMatch(JSON.stringify(report) + stderr, /goroutine|runtime\/debug/);
    }
  });

  it("format reports a syntax error with its file and line", async (t) => {
    const p = tempProject(t);
    p.copy(join(examplesDir, "acme"), "acme");
    const text = p.read(USERS).split("\n");
    const at = text.findIndex((l) => /^\s+string \w+ = \d+;$/.test(l));
    text[at] = (text[at] ?? "").replace(/;$/, "");
    p.write(USERS, text.join("\n"));
    const { code, report } = await runJson(["format"], { cwd: p.dir });
    assert.equal(code, 1);
    assert.deepEqual(
      report.findings.map((f) => [f.rule, f.file]),
      [["COMPILE", USERS]],
    );
    const line = report.findings[0]?.line ?? 0;
    assert.ok(line >= at + 1 && line <= at + 3, `reported line ${line}, the missing ; is on line ${at + 1}`);
  });
});

describe("process edges", () => {
  it("a closed stdout ends quietly with the exit code the run would have had", async (t) => {
    const help = execFileSync(
      "bash",
      ["-c", `("$0" "$1" --help | head -1; echo "exit=\${PIPESTATUS[0]}") 2>&1`, process.execPath, cliBin],
      {
        encoding: "utf8",
      },
    );
    assert.match(help, /^Usage: protogov[^\n]*\nexit=0\s*$/);
    const p = tempProject(t);
    p.copy(join(examplesDir, "acme"), "acme");
    // Many findings: far more output than a pipe buffers, so the writer meets EPIPE.
    p.write("protogov.yaml", "version: 1\nlint:\n  use: [STANDARD, COMMENTS]\n");
    for (let i = 0; i < 300; i++)
      p.write(`acme/bulk/v1/bulk_${i}.proto`, `syntax = "proto3";\npackage acme.bulk.v1;\nmessage badName${i} { string BadField = 1; }\n`);
    const script = `"$0" "$1" lint | head -1 >/dev/null; echo "exit=\${PIPESTATUS[0]}"`;
    const out = execFileSync("bash", ["-c", `${script} 2>&1`, process.execPath, cliBin], { cwd: p.dir, encoding: "utf8" });
    assert.match(out, /exit=1\s*$/);
    assert.doesNotMatch(out, /EPIPE|\n\s+at /);
  });

  it("--config naming a directory is a config error, not an internal error", async (t) => {
    const p = tempProject(t);
    p.copy(join(examplesDir, "acme"), "acme");
    const r = await runCli(["lint", "--config", "acme"], { cwd: p.dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /config error: --config acme is a directory/);
  });
});

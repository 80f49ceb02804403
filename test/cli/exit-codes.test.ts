/**
 * Exit codes and error output of the real CLI on the shipped fixtures:
 * 0 clean, 1 findings at error severity, 2 usage/config/input failure, and
 * never a stack trace.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { repoRoot } from "../support/paths.js";
import { assertNoCrash, assertNoFindings, type JsonReport, runCli, runJson } from "../support/run-cli.js";
import { tempProject } from "../support/temp-project.js";

const at = { cwd: repoRoot };
// `check` in a git repository looks only at files changed since the merge-base with the default
// branch; `--all` keeps these tests independent of the branch they run on.

interface BadFixture {
  dir: string;
  code: 1 | 2;
  /** What the output must name: the file, with `:line` or ` line:col` where there is one. */
  names: RegExp;
  /** The fix. buf's lint findings carry it in the message ("such as ..."), not as a hint line. */
  hint: RegExp;
  /** Error findings in the JSON report (exit 1 only). */
  errors?: number;
}

const thing = (dir: string) => `test/fixtures/${dir}/acme/x/v1/thing.proto`;
const badFixtures: BadFixture[] = [
  { dir: "syntax-error", code: 1, names: /thing\.proto\n {2}9:1 /, hint: /hint: fix the syntax/, errors: 1 },
  { dir: "bad-import", code: 1, names: /thing\.proto\n {2}5:1 /, hint: /hint: imports resolve against the module roots/, errors: 1 },
  { dir: "lint-violation", code: 1, names: /thing\.proto\n {2}6:9 /, hint: /such as "ThingRecord"/, errors: 3 },
  { dir: "binary-proto", code: 1, names: /thing\.proto\n {2}1:1 /, hint: /hint: delete it or rename it/, errors: 1 },
  { dir: "bad-config", code: 2, names: /test\/fixtures\/bad-config\/protogov\.yaml:4: lint\.rulez/, hint: /\n {2}hint: / },
  { dir: "empty-dir", code: 2, names: /input error: test\/fixtures\/empty-dir: no \.proto files/, hint: /\n {2}hint: / },
  { dir: "does-not-exist", code: 2, names: /path test\/fixtures\/does-not-exist does not exist/, hint: /\n {2}hint: / },
];

describe("protogov check: exit codes", () => {
  it("exits 0 with 'No findings.' on proto-examples", async () => {
    const result = await runCli(["check", "--all", "proto-examples"], at);
    assertNoFindings(result);
  });

  for (const f of badFixtures) {
    it(`exits ${f.code} on ${f.dir}, naming the file and the fix`, async () => {
      const result = await runCli(["check", "--all", `test/fixtures/${f.dir}`], at);
      assert.equal(result.code, f.code, result.stdout + result.stderr);
      // Findings go to stdout; failures to stderr, with nothing half-written on stdout.
      const output = f.code === 1 ? result.stdout : result.stderr;
      if (f.code === 1) assert.ok(result.stdout.startsWith(`${thing(f.dir)}\n`), result.stdout);
      else assert.equal(result.stdout, "");
      assert.match(output, f.names);
      assert.match(output, f.hint);
      assertNoCrash(result);
    });

    it(`--format json on ${f.dir} parses and counts (or stays empty on failure)`, async () => {
      if (f.code === 2) {
        const result = await runCli(["--format", "json", "check", "--all", `test/fixtures/${f.dir}`], at);
        assert.equal(result.code, 2);
        assert.equal(result.stdout, "");
        assertNoCrash(result);
        return;
      }
      const { code, report } = await runJson(["check", "--all", `test/fixtures/${f.dir}`], at);
      assert.equal(code, 1);
      assert.equal(report.command, "check");
      assert.equal(report.summary.errors, f.errors);
      assert.equal(report.findings.filter((x) => x.severity === "error").length, f.errors);
      assert.equal(report.summary.files, 1);
      assert.ok(report.findings.every((x) => x.file === thing(f.dir) && x.line > 0));
    });
  }

  it("--format json on a clean project reports zero findings", async () => {
    const { code, report } = await runJson(["check", "--all", "proto-examples"], at);
    assert.equal(code, 0);
    assert.deepEqual(report.summary, { errors: 0, warnings: 0, files: 0 });
    assert.deepEqual(report.findings, []);
  });
});

describe("protogov: usage", () => {
  it("--help and --version exit 0", async () => {
    const help = await runCli(["--help"], at);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: protogov /);
    assert.match(help.stdout, /Exit codes: 0 clean, 1 findings/);
    const commandHelp = await runCli(["check", "--help"], at);
    assert.equal(commandHelp.code, 0);
    assert.match(commandHelp.stdout, /^Usage: protogov check /);
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string };
    assert.deepEqual(await runCli(["--version"], at), { code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  const usageErrors: [string[], RegExp][] = [
    [["frobnicate"], /unknown command 'frobnicate'/],
    [["--frobnicate", "check"], /unknown option '--frobnicate'/],
    [["check", "--frobnicate", "proto-examples"], /unknown option '--frobnicate'/],
    [["format", "--write", "--frobnicate"], /unknown option '--frobnicate'/],
  ];
  // --format is checked by each command (reports, diff and docs take different formats).
  const formatErrors: [string[], RegExp][] = [
    [
      ["--format", "xml", "check", "proto-examples"],
      /usage error: unknown reporter "xml"; valid reporters: text, json, github, sarif, junit, gitlab/,
    ],
    [["lint", "--format", "yaml", "proto-examples"], /usage error: unknown reporter "yaml"; valid reporters: /],
    [
      ["diff", "--format", "sarif", "proto-examples"],
      /usage error: diff does not print --format sarif\n {2}hint: use one of markdown, text, json/,
    ],
  ];
  for (const [args, message] of formatErrors) {
    it(`exits 2 on \`protogov ${args.join(" ")}\``, async () => {
      const result = await runCli(args, at);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, message);
      assert.equal(result.stdout, "");
      assertNoCrash(result);
    });
  }
  for (const [args, message] of usageErrors) {
    it(`exits 2 on \`protogov ${args.join(" ")}\``, async () => {
      const result = await runCli(args, at);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, message);
      assert.match(result.stderr, /protogov --help/);
      assert.equal(result.stdout, "");
      assertNoCrash(result);
    });
  }

  it("--config pointing to a missing file exits 2 and names it", async () => {
    const result = await runCli(["--config", "no-such/protogov.yaml", "check", "proto-examples"], at);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /config error: config file no-such\/protogov\.yaml does not exist\n {2}hint: /);
    assertNoCrash(result);
  });
});

describe("protogov: --output and --cwd", () => {
  it("--output writes the whole report to the file and nothing to stdout", async (t) => {
    const out = tempProject(t);
    const target = out.path("report.json");
    const result = await runCli(["--format", "json", "--output", target, "check", "--all", "test/fixtures/lint-violation"], at);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, "");
    const report = JSON.parse(out.read("report.json")) as JsonReport;
    assert.equal(report.summary.errors, 3);
    assert.deepEqual(readdirSync(out.dir).sort(), [".git", "report.json"]);
  });

  it("--output leaves an existing file untouched when the run fails", async (t) => {
    const out = tempProject(t, { "report.json": "previous report\n" });
    const result = await runCli(["--output", out.path("report.json"), "check", "--all", "test/fixtures/bad-config"], at);
    assert.equal(result.code, 2);
    assert.equal(out.read("report.json"), "previous report\n");
    assert.deepEqual(readdirSync(out.dir).sort(), [".git", "report.json"]);
  });

  it("--output into a missing directory is a usage error (exit 2) that leaves no file behind", async (t) => {
    const out = tempProject(t);
    const result = await runCli(["--output", out.path("missing/report.txt"), "check", "--all", "proto-examples"], at);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /usage error: cannot write the report to .*missing\/report\.txt \(ENOENT\)\n {2}hint: /);
    assertNoCrash(result);
    assert.deepEqual(readdirSync(out.dir), [".git"]);
  });

  it("--cwd runs as if started there: paths, config search and report paths", async (t) => {
    const elsewhere = tempProject(t);
    assertNoFindings(await runCli(["--cwd", join(repoRoot, "proto-examples"), "check", "--all"], { cwd: elsewhere.dir }));
    const { code, report } = await runJson(["-C", join(repoRoot, "test/fixtures"), "lint", "lint-violation"], { cwd: elsewhere.dir });
    assert.equal(code, 1);
    assert.deepEqual([...new Set(report.findings.map((f) => f.file))], ["lint-violation/acme/x/v1/thing.proto"]);
  });

  it("--output is resolved against --cwd", async (t) => {
    const project = tempProject(t);
    project.copy(join(repoRoot, "test/fixtures/lint-violation"));
    const result = await runCli(["--cwd", project.dir, "--format", "json", "--output", "out.json", "lint"], at);
    assert.equal(result.code, 1);
    assert.equal((JSON.parse(project.read("out.json")) as JsonReport).summary.errors, 3);
  });
});

/**
 * Fault injection over every writing command: each runs once to completion
 * (the reference), then again and again interrupted by SIGINT or SIGTERM at
 * several delays, and finally on a full disk (a real tmpfs). Every output is
 * deterministic, so after any run each file must hold either its bytes from
 * before the run or the reference's: never a mix, never a partial file. Also
 * asserted after every run: no temporary file in the project or the run's own
 * TMPDIR, no internal error or stack, an exit code that is 0, 2 or 128+signal,
 * the test token in no output, no argv (ps at the moment of the signal)
 * and no file, and no child process (buf, git, npm) alive after the run.
 * The commands include a TypeScript target (its compile's protogov-tsc-*
 * temporary directory), `format --write --staged` and `check`.
 */
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, it, type TestContext } from "node:test";
import { bareRemote, git } from "../publish/api-project.js";
import { cliBin, examplesDir } from "../support/paths.js";
import { mountTmpfs } from "../support/tmpfs.js";

const TOKEN = "fi_secretTokenValue_5f3c9a";
const DELAYS: readonly [number, NodeJS.Signals][] = [
  [150, "SIGINT"],
  [500, "SIGTERM"],
  [1000, "SIGINT"],
  [1800, "SIGTERM"],
];

interface Command {
  name: string;
  args: string[];
  /** Files to put back before each run (format rewrites its inputs). */
  reset?: (dir: string) => void;
}

const UNFORMATTED = "acme/common/v1/money.proto";
const runtimeDir = join(tmpdir(), "protogov-fi-runtime");

function commands(remote: string): Command[] {
  return [
    {
      name: "format --write",
      args: ["format", "--write"],
      reset: (dir) => {
        const file = join(dir, UNFORMATTED);
        writeFileSync(file, readFileSync(file, "utf8").replace(/^message (\w+) \{/m, "message   $1   {"));
      },
    },
    {
      name: "format --write --staged",
      args: ["format", "--write", "--staged"],
      reset: (dir) => {
        const file = join(dir, UNFORMATTED);
        writeFileSync(file, readFileSync(file, "utf8").replace(/^message (\w+) \{/m, "message   $1   {"));
        try {
          git(dir, "add", UNFORMATTED);
        } catch {
          // On the full disk git cannot write its index: the run then finds what was staged before.
        }
      },
    },
    // generate builds a TypeScript target too: its compile runs in a protogov-tsc-* temporary directory.
    { name: "generate", args: ["generate"] },
    // check writes nothing; it runs buf lint, build and format at once, which must all stop with it.
    { name: "check", args: ["check"] },
    { name: "docs", args: ["docs", "--out", "site"] },
    { name: "scaffold", args: ["scaffold", "--out", "test/api"] },
    { name: "lint --output", args: ["lint", "--output", "lint-report.txt"] },
    { name: "diff --output", args: ["diff", "--against", "HEAD", "--output", "changes.md"] },
    { name: "hook install", args: ["hook", "install"] },
    { name: "init --force", args: ["init", "--force", "--cwd", "init-here"] },
    { name: "publish --dry-run", args: ["publish", "--dry-run", "--target", "python"], reset: () => void remote },
  ];
}

function project(base: string, remote: string): string {
  const dir = join(base, "api");
  mkdirSync(dir, { recursive: true });
  cpSync(join(examplesDir, "acme"), join(dir, "acme"), { recursive: true });
  cpSync(join(examplesDir, "acme"), join(dir, "init-here", "acme"), { recursive: true });
  writeFileSync(
    join(dir, "protogov.yaml"),
    `version: 1\nmodules:\n  - path: .\n    excludes: [init-here]\ntargets:\n  - name: python\n    language: python\n    out: gen/python\n    plugins: [{ name: python }]\n    publish:\n      git: { url: "${remote}", branch: main, directory: python, token_env: PROTOGOV_FI_TOKEN }\n  - name: ts\n    language: typescript\n    out: gen/ts\n    package: { name: "@acme/fi" }\n    plugins: [{ name: es }, { name: errors }]\n`,
  );
  writeFileSync(join(dir, ".gitignore"), "site/\ngen/\ntest/\nlint-report.txt\nchanges.md\ninit-here/\n");
  git(dir, "init", "--quiet", "--initial-branch=main");
  git(dir, "add", "-A");
  git(dir, "commit", "--quiet", "-m", "API");
  return dir;
}

/** Every file of the project (with .git/hooks, without the rest of .git), by relative path. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const abs = join(d, e.name);
      const rel = relative(dir, abs);
      if (rel === ".git") {
        walk(join(abs, "hooks"));
        continue;
      }
      if (e.isDirectory()) walk(abs);
      else if (e.isFile()) files.set(rel, readFileSync(abs));
    }
  };
  walk(dir);
  return files;
}

const TEMP_NAME = /protogov-tmp|protogov-old|\.tmp-\d/;

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
  argvLeak: boolean;
  /** Processes of the run (buf, git, npm: they inherit its environment) still alive after it ended. */
  leftover: string[];
}

/** Live processes whose environment holds the test token: the run's children. */
function processesOfRun(): string[] {
  const found: string[] = [];
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/environ`).includes(TOKEN)) continue;
      found.push(`${pid} ${readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim()}`);
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/** Children get a moment to exit after protogov stopped them; whatever is left then was orphaned. */
async function leftoverAfter(ms: number): Promise<string[]> {
  const until = Date.now() + ms;
  let left = processesOfRun();
  while (left.length > 0 && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    left = processesOfRun();
  }
  return left;
}

function runCommand(dir: string, args: string[], tmp: string, kill?: [number, NodeJS.Signals]): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliBin, ...args], {
      cwd: dir,
      // XDG_RUNTIME_DIR: one place for the hook server's directory, which `hook install` writes into the hook.
      env: { ...process.env, TMPDIR: tmp, XDG_RUNTIME_DIR: runtimeDir, PROTOGOV_FI_TOKEN: TOKEN, NO_COLOR: "1", PROTOGOV_NO_CACHE: "1" },
    });
    let output = "";
    let argvLeak = false;
    child.stdout.on("data", (b: Buffer) => (output += b.toString()));
    child.stderr.on("data", (b: Buffer) => (output += b.toString()));
    const timer = kill
      ? setTimeout(() => {
          argvLeak = execFileSync("ps", ["-eo", "args"], { encoding: "utf8" }).includes(TOKEN);
          child.kill(kill[1]);
        }, kill[0])
      : undefined;
    child.on("close", async (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, output, argvLeak, leftover: await leftoverAfter(1000) });
    });
  });
}

/** The checks every run must pass, whatever the fault. */
function assertSafe(
  what: string,
  dir: string,
  tmp: string,
  before: Map<string, Buffer>,
  /** What a complete run writes; undefined for the reference run itself. */
  reference: Map<string, Buffer> | undefined,
  outcome: Outcome,
  codes: readonly number[],
): void {
  // Killed by the signal itself: before protogov installed its handlers (Node still starting), or after
  // the work was done, while the process was exiting (libuv no longer dispatches signals then). Either
  // way the files below must be whole and no temporary left.
  const early = outcome.signal !== null;
  assert.ok(
    early || (outcome.code !== null && codes.includes(outcome.code)),
    `${what}: exit ${outcome.code} (${outcome.signal})\n${outcome.output}`,
  );
  assert.doesNotMatch(outcome.output, /internal error|\n\s+at \S+ \(|goroutine \d+/, what);
  assert.ok(!outcome.output.includes(TOKEN), `${what}: the token is in the output`);
  assert.equal(outcome.argvLeak, false, `${what}: the token is in some process's argv`);
  assert.deepEqual(outcome.leftover, [], `${what}: processes of the run outlived it`);
  const after = snapshot(dir);
  const temps = [...after.keys()].filter((f) => TEMP_NAME.test(f));
  assert.deepEqual(temps, [], `${what}: temporary files left in the project`);
  assert.deepEqual(readdirSync(tmp), [], `${what}: temporary files left in TMPDIR`);
  for (const [file, bytes] of after) assert.ok(!bytes.includes(TOKEN), `${what}: the token is in ${file}`);
  if (!reference) return;
  for (const [file, bytes] of after) {
    const old = before.get(file);
    const ref = reference.get(file);
    assert.ok(
      (old !== undefined && bytes.equals(old)) || (ref !== undefined && bytes.equals(ref)),
      `${what}: ${file} is neither as before nor as a complete run writes it`,
    );
  }
  for (const file of before.keys()) assert.ok(after.has(file) || !reference.has(file), `${what}: ${file} was deleted`);
}

function freshTmp(base: string): string {
  return mkdtempSync(join(base, "tmp-"));
}

async function inject(t: TestContext, base: string, dir: string, remote: string): Promise<void> {
  for (const command of commands(remote)) {
    command.reset?.(dir);
    const start = snapshot(dir);
    const tmp0 = freshTmp(base);
    const first = await runCommand(dir, command.args, tmp0);
    assertSafe(`${command.name} (reference)`, dir, tmp0, start, undefined, first, [0, 1]);
    const reference = snapshot(dir);
    for (const kill of DELAYS) {
      command.reset?.(dir);
      const before = snapshot(dir);
      const tmp = freshTmp(base);
      const outcome = await runCommand(dir, command.args, tmp, kill);
      const signalCode = kill[1] === "SIGINT" ? 130 : 143;
      assertSafe(`${command.name} + ${kill[1]} after ${kill[0]} ms`, dir, tmp, before, reference, outcome, [0, 1, signalCode]);
    }
    t.diagnostic(`${command.name}: ${DELAYS.length} interrupted runs kept every file whole`);
  }
}

describe("fault injection", () => {
  it("every writing command under SIGINT/SIGTERM at several delays", async (t) => {
    const base = mkdtempSync(join(tmpdir(), "protogov-fi-"));
    t.after(() => rmSync(base, { recursive: true, force: true }));
    const remote = bareRemote();
    await inject(t, base, project(base, remote), remote);
  });

  it("every writing command on a full disk", async (t) => {
    const fs = mountTmpfs(t, 16 * 1024);
    const base = mkdtempSync(join(tmpdir(), "protogov-fi-disk-"));
    t.after(() => rmSync(base, { recursive: true, force: true }));
    const remote = bareRemote();
    const dir = project(fs.dir, remote);
    const references = new Map<string, Map<string, Buffer>>();
    for (const command of commands(remote)) {
      command.reset?.(dir);
      const tmp = freshTmp(base);
      const before = snapshot(dir);
      const r = await runCommand(dir, command.args, tmp);
      assertSafe(`${command.name} (reference)`, dir, tmp, before, undefined, r, [0, 1]);
      references.set(command.name, snapshot(dir));
    }
    // Fresh outputs would fit nowhere: remove them so every command has to write again.
    for (const out of ["site", "gen", "test", "lint-report.txt", "changes.md"]) rmSync(join(dir, out), { recursive: true, force: true });
    rmSync(join(dir, ".git", "hooks", "pre-commit"), { force: true });
    fs.fill();
    for (const command of commands(remote)) {
      command.reset?.(dir);
      const before = snapshot(dir);
      const tmp = freshTmp(base);
      const r = await runCommand(dir, command.args, tmp);
      assertSafe(`${command.name} on a full disk`, dir, tmp, before, references.get(command.name) ?? before, r, [0, 1, 2]);
      if (r.code === 2) assert.match(r.output, /ENOSPC|no space left/i, `${command.name}: ${r.output}`);
    }
  });
});

/**
 * The hook's warm server on real repositories and real processes: the first
 * commit runs protogov and starts the server, later commits are answered by
 * it with the very bytes and exit code a direct run gives; a partial commit's
 * temporary index is honoured; and every way a server can go wrong (its code
 * rebuilt, killed, its pid taken by another program, idle, stopped) ends in
 * protogov running directly with the right answer, never in a hung commit.
 * Each test has its own XDG_RUNTIME_DIR, hence its own server.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it, type TestContext } from "node:test";
import { isAlive } from "../../core/features/hook/server-state.js";
import { cliBin } from "../support/paths.js";
import { cleanProto } from "../support/temp-project.js";
import { cleanEnv, type Run, run, type TempRepo, tempRepo } from "./git-repo.js";

const FILE = "acme/x/v1/thing.proto";
const CLEAN = cleanProto("acme.x.v1", "Thing");
const LINT_ERROR = CLEAN.replace("string id = 1;", "string userID = 1;");

interface Served {
  repo: TempRepo;
  env: NodeJS.ProcessEnv;
  state: string;
  /** The installed hook, run as git runs it (cwd: the top level). */
  hook(extra?: Record<string, string>): Promise<Run>;
  commit(message: string, ...args: string[]): Promise<Run>;
  pid(): number | undefined;
  /** Requests the server answered so far (lines of its log). */
  served(): number;
  /** The running server's pid, once there is one (other than `not`). */
  waitForServer(not?: number): Promise<number>;
}

async function servedRepo(t: TestContext): Promise<Served> {
  const runtime = mkdtempSync(join(tmpdir(), "protogov-runtime-"));
  const env = cleanEnv({ XDG_RUNTIME_DIR: runtime, PROTOGOV_HOOK_SERVER: "1" });
  const repo = await tempRepo(t, { [FILE]: CLEAN });
  const installed = await run(process.execPath, [cliBin, "hook", "install"], repo.dir, env);
  assert.equal(installed.code, 0, installed.stderr);
  const state = /protogov_state='([^']+)'/.exec(readFileSync(join(repo.dir, ".git", "hooks", "pre-commit"), "utf8"))?.[1] ?? "";
  assert.ok(state.startsWith(join(runtime, "protogov")), `the server lives under XDG_RUNTIME_DIR: ${state}`);
  const pid = () => {
    try {
      return Number.parseInt(readFileSync(join(state, "pid"), "utf8"), 10);
    } catch {
      return undefined;
    }
  };
  t.after(async () => {
    const p = pid();
    if (p !== undefined) {
      try {
        process.kill(p, "SIGTERM");
      } catch {
        // gone already
      }
      await until("the server to stop", () => !isAlive(p));
    }
    rmSync(runtime, { recursive: true, force: true });
  });
  const served = () =>
    existsSync(join(state, "server.log")) ? readFileSync(join(state, "server.log"), "utf8").split("\n").filter(Boolean).length : 0;
  return {
    repo,
    env,
    state,
    hook: (extra = {}) => run("/bin/sh", [join(repo.dir, ".git", "hooks", "pre-commit")], repo.dir, { ...env, ...extra }),
    commit: (message, ...args) =>
      run("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-m", message, ...args], repo.dir, env),
    pid,
    served,
    waitForServer: async (not) => {
      await until("the server to start", () => {
        const p = pid();
        return p !== undefined && p !== not && isAlive(p) && existsSync(join(state, "requests"));
      });
      return pid() ?? 0;
    },
  };
}

async function until(what: string, test: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** What a hook run printed and returned, for comparing a served run with a direct one. */
function outcome(r: Run): string {
  return JSON.stringify({ code: r.code, stdout: r.stdout, stderr: r.stderr });
}

describe("protogov hook server", () => {
  it("answers later commits with the bytes and exit code of a direct run", async (t) => {
    const s = await servedRepo(t);
    s.repo.write(FILE, LINT_ERROR);
    await s.repo.git("add", FILE);
    const first = await s.hook();
    assert.equal(first.code, 1, first.stderr);
    assert.equal(s.served(), 0, "the first commit runs protogov itself");
    await s.waitForServer();
    const second = await s.hook();
    assert.equal(s.served(), 1, "the second commit is answered by the server");
    const direct = await s.hook({ PROTOGOV_HOOK_SERVER: "0" });
    assert.equal(s.served(), 1);
    assert.equal(outcome(second), outcome(direct));
    assert.equal(outcome(first), outcome(direct));
    assert.match(second.stdout + second.stderr, /FIELD_LOWER_SNAKE_CASE/);

    // On a terminal (script(1) gives the hook a pty): the same colours, served or not.
    const hookOnPty = (server: string) =>
      run("script", ["-qec", `sh .git/hooks/pre-commit`, "/dev/null"], s.repo.dir, {
        ...s.env,
        NO_COLOR: "",
        PROTOGOV_HOOK_SERVER: server,
      });
    const servedTty = await hookOnPty("1");
    assert.equal(s.served(), 2);
    const directTty = await hookOnPty("0");
    assert.match(servedTty.stdout, /\u001b\[31merror/, "colours on a terminal");
    assert.equal(outcome(servedTty), outcome(directTty));

    // The same server, a clean file: git commits.
    s.repo.write(FILE, CLEAN.replace("string id = 1;", "string id = 1;\n  // The name.\n  string name = 2;"));
    await s.repo.git("add", FILE);
    const commit = await s.commit("clean");
    assert.equal(commit.code, 0, commit.stderr);
    assert.equal(s.served(), 3);
  });

  it("serves `protogov hook run --server` too (husky, lefthook, pre-commit), with a direct run's bytes", async (t) => {
    const s = await servedRepo(t);
    s.repo.write(FILE, LINT_ERROR);
    await s.repo.git("add", FILE);
    const hookRun = (...flags: string[]) => run(process.execPath, [cliBin, "hook", "run", ...flags], s.repo.dir, s.env);
    const first = await hookRun("--server");
    assert.equal(s.served(), 0, "no server yet: the run is direct, and starts one");
    await s.waitForServer();
    const served = await hookRun("--server");
    assert.equal(s.served(), 1);
    const direct = await hookRun();
    assert.equal(s.served(), 1, "without --server, hook run never asks the server");
    assert.equal(outcome(served), outcome(direct));
    assert.equal(outcome(first), outcome(direct));
    assert.equal(served.code, 1);
  });

  it("checks the temporary index of `git commit -a` and a broken staged config like a direct run", async (t) => {
    const s = await servedRepo(t);
    s.repo.write(FILE, LINT_ERROR);
    await s.repo.git("add", FILE);
    await s.hook();
    await s.waitForServer();
    // Staged: the lint error. Work tree: fixed. `commit -a` hands the hook a temporary index with the fix.
    s.repo.write(FILE, CLEAN.replace("string id = 1;", "string id = 1;\n  // The name.\n  string name = 2;"));
    const all = await s.commit("commit -a", "-a");
    assert.equal(all.code, 0, all.stderr);
    assert.equal(s.served(), 1);

    s.repo.write("protogov.yaml", "version: 1\nlint:\n  rules: [not, a, map\n");
    s.repo.write(FILE, LINT_ERROR);
    await s.repo.git("add", "protogov.yaml", FILE);
    const served = await s.hook();
    const direct = await s.hook({ PROTOGOV_HOOK_SERVER: "0" });
    assert.equal(served.code, 2, served.stderr);
    assert.match(served.stderr, /protogov\.yaml/);
    assert.equal(outcome(served), outcome(direct));
    assert.equal(s.served(), 2);
  });

  it("steps aside when its code changed on disk: the commit runs the new protogov, which starts a new server", async (t) => {
    const s = await servedRepo(t);
    s.repo.write(FILE, LINT_ERROR);
    await s.repo.git("add", FILE);
    const reference = await s.hook();
    const old = await s.waitForServer();
    const st = statSync(cliBin);
    // A rebuild or an upgrade, as the server sees it; put back afterwards (other tests' servers then step aside too).
    utimesSync(cliBin, st.atime, new Date(st.mtimeMs + 5000));
    t.after(() => utimesSync(cliBin, st.atime, st.mtime));
    const after = await s.hook();
    assert.equal(outcome(after), outcome(reference));
    assert.equal(s.served(), 0, "a stale server answers nothing");
    await until("the old server to exit", () => !isAlive(old));
    const fresh = await s.waitForServer(old);
    assert.notEqual(fresh, old);
    assert.equal(outcome(await s.hook()), outcome(reference));
    assert.equal(s.served(), 1);
  });

  it("a killed server, or its pid taken by another program, costs time, never a hung or wrong commit", async (t) => {
    const s = await servedRepo(t);
    s.repo.write(FILE, LINT_ERROR);
    await s.repo.git("add", FILE);
    const reference = await s.hook();
    const first = await s.waitForServer();
    process.kill(first, "SIGKILL");
    await until("the killed server to go", () => !isAlive(first));
    assert.ok(existsSync(join(s.state, "pid")), "SIGKILL leaves the pid file");
    assert.equal(outcome(await s.hook()), outcome(reference));

    // The next server; then its pid file is made to name a live program that is not protogov.
    const second = await s.waitForServer(first);
    process.kill(second, "SIGKILL");
    await until("the killed server to go", () => !isAlive(second));
    const impostor = spawn("sleep", ["60"], { stdio: "ignore" });
    t.after(() => impostor.kill());
    writeFileSync(join(s.state, "pid"), `${impostor.pid}\n`);
    const started = Date.now();
    const r = await s.hook();
    assert.equal(outcome(r), outcome(reference));
    assert.ok(Date.now() - started < 12_000, "the hook gave up on the impostor and ran protogov");
    const third = await s.waitForServer(impostor.pid);
    assert.ok(
      readFileSync(`/proc/${third}/cmdline`, "utf8").includes("serve"),
      "protogov started a real server over the impostor's pid file",
    );
    assert.equal(outcome(await s.hook()), outcome(reference));
    assert.equal(s.served(), 1);
  });

  it("stops when idle, on `hook stop` and on `hook uninstall`, and removes its files", async (t) => {
    const s = await servedRepo(t);
    s.repo.write(FILE, LINT_ERROR);
    await s.repo.git("add", FILE);
    await s.hook({ PROTOGOV_HOOK_SERVER_IDLE: "1" });
    const idle = await s.waitForServer();
    await until("the idle server to exit", () => !isAlive(idle), 10_000);
    assert.ok(!existsSync(join(s.state, "pid")) && !existsSync(join(s.state, "requests")), "its pid file and FIFO are gone");

    await s.hook();
    const running = await s.waitForServer();
    const stop = await run(process.execPath, [cliBin, "hook", "stop"], s.repo.dir, s.env);
    assert.equal(stop.code, 0);
    assert.match(stop.stderr, /Stopped the protogov hook server/);
    await until("the stopped server to exit", () => !isAlive(running));
    assert.ok(!existsSync(join(s.state, "pid")));

    await s.hook();
    const again = await s.waitForServer();
    const uninstall = await run(process.execPath, [cliBin, "hook", "uninstall"], s.repo.dir, s.env);
    assert.equal(uninstall.code, 0, uninstall.stderr);
    await until("the server to exit with the hook", () => !isAlive(again));
  });
});

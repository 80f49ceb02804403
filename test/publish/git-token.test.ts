/**
 * The git token stays in the environment: a publish over authenticated HTTP
 * (git's own http-backend behind Basic auth) is sampled with `ps` and the
 * clone's files are searched while it runs; the token must appear in no argv,
 * no file and no output. scp-style URLs with a password are refused and
 * scrubbed. Publishing over files protogov did not publish needs an opt-in.
 */
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { redact } from "../../core/engines/git/git.js";
import { cliBin } from "../support/paths.js";
import { runCli } from "../support/run-cli.js";
import { bareRemote, EXAMPLES, git, tempDir } from "./api-project.js";
import { type GitHttpServer, startGitHttp } from "./git-http.js";

const TOKEN = "ghp_tokenThatMustNeverShow0123456789";

function apiRepo(gitBlock: string): string {
  const dir = tempDir("protogov-token-api-");
  cpSync(join(EXAMPLES, "acme"), join(dir, "acme"), { recursive: true });
  writeFileSync(
    join(dir, "protogov.yaml"),
    `version: 1\ntargets:\n  - name: python\n    language: python\n    version: { initial: 1.0.0 }\n    plugins:\n      - name: python\n    publish:\n      git: ${gitBlock}\n`,
  );
  git(dir, "init", "--quiet", "--initial-branch=main");
  git(dir, "add", "-A");
  git(dir, "commit", "--quiet", "-m", "API");
  return dir;
}

/** Files under protogov's git temporaries that hold the token (grep exits 1 when none). */
function filesWithToken(): string[] {
  try {
    return execFileSync("sh", ["-c", `grep -rl -- "$0" ${tmpdir()}/protogov-git-* 2>/dev/null`, TOKEN], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean);
  } catch {
    return [];
  }
}

interface Sampled {
  code: number;
  output: string;
  samples: number;
  argvLeaks: string[];
  fileLeaks: string[];
}

/** Runs `protogov publish` and samples every process's argv and the temporary files until it exits. */
function publishSampled(cwd: string, token: string): Promise<Sampled> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliBin, "publish", "--format", "json"], {
      cwd,
      env: { ...process.env, PROTOGOV_TEST_GIT_TOKEN: token, NO_COLOR: "1" },
    });
    let output = "";
    child.stdout.on("data", (b: Buffer) => (output += b.toString()));
    child.stderr.on("data", (b: Buffer) => (output += b.toString()));
    const result: Sampled = { code: -1, output: "", samples: 0, argvLeaks: [], fileLeaks: [] };
    const timer = setInterval(() => {
      const ps = execFileSync("ps", ["-eo", "args"], { encoding: "utf8" });
      result.samples += 1;
      for (const line of ps.split("\n")) if (line.includes(token)) result.argvLeaks.push(line);
      result.fileLeaks.push(...filesWithToken());
    }, 15);
    child.on("close", (code) => {
      clearInterval(timer);
      resolve({ ...result, code: code ?? -1, output });
    });
  });
}

describe("git publishing keeps the token in the environment", () => {
  let server: GitHttpServer;
  let root: string;
  before(async () => {
    root = tempDir("protogov-git-http-");
    server = await startGitHttp(root, TOKEN);
  });
  after(() => server.close());

  it("publishes over authenticated HTTP with the token in no argv, file or output", async () => {
    git(root, "init", "--quiet", "--bare", "--initial-branch=main", "acme.git");
    const api = apiRepo(`{ url: "${server.url}acme.git", branch: main, directory: python, token_env: PROTOGOV_TEST_GIT_TOKEN }`);
    const run = await publishSampled(api, TOKEN);
    assert.equal(run.code, 0, run.output);
    assert.ok(run.samples >= 5, `only ${run.samples} ps samples`);
    assert.deepEqual(run.argvLeaks, []);
    assert.deepEqual(run.fileLeaks, []);
    assert.ok(!run.output.includes(TOKEN));
    assert.equal(git(join(root, "acme.git"), "tag", "--list"), "v1.0.0");
    assert.ok(server.rejected > 0, "git asked without credentials first, then through GIT_ASKPASS");
  });

  it("a wrong token fails cleanly (exit 2) without showing either token", async () => {
    git(root, "init", "--quiet", "--bare", "--initial-branch=main", "other.git");
    const api = apiRepo(`{ url: "${server.url}other.git", branch: main, token_env: PROTOGOV_TEST_GIT_TOKEN }`);
    const wrong = "ghp_wrongTokenAlsoSecret987654321";
    const run = await publishSampled(api, wrong);
    assert.equal(run.code, 2, run.output);
    assert.match(run.output, /git ls-remote on http:\/\/127\.0\.0\.1:\d+\/other\.git failed/);
    assert.ok(!run.output.includes(wrong) && !run.output.includes(TOKEN), run.output);
    assert.deepEqual(run.argvLeaks, []);
  });
});

describe("scp-style URLs", () => {
  it("redact hides the password of user:pass@host:path and keeps git@host:path", () => {
    const text = redact("fatal: could not read from 'deploy:hunter2pass@git.example.com:acme/apis.git'; try git@github.com:acme/apis.git");
    assert.ok(!text.includes("hunter2pass"), text);
    assert.match(text, /git@github\.com:acme\/apis\.git/);
  });

  it("a password in an scp-style URL is a config error that does not print it", async () => {
    const api = apiRepo(`{ url: "deploy:hunter2pass@git.example.com:acme/apis.git", branch: main }`);
    for (const format of ["text", "json"]) {
      const r = await runCli(["publish", "--dry-run", "--format", format], { cwd: api });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /credentials do not belong in the URL/);
      assert.ok(!`${r.stdout}${r.stderr}`.includes("hunter2pass"), r.stderr);
    }
  });
});

describe("publishing over files protogov did not publish", () => {
  /** A remote whose main branch holds the user's README, LICENSE and CI workflow at the root. */
  function remoteWithSite(): string {
    const remote = bareRemote();
    const work = tempDir("protogov-site-");
    git(work, "init", "--quiet", "--initial-branch=main");
    writeFileSync(join(work, "README.md"), "# our site\n");
    writeFileSync(join(work, "LICENSE"), "MIT\n");
    mkdirSync(join(work, ".github", "workflows"), { recursive: true });
    writeFileSync(join(work, ".github", "workflows", "ci.yml"), "on: push\n");
    git(work, "add", "-A");
    git(work, "commit", "--quiet", "-m", "site");
    git(work, "push", "--quiet", remote, "main");
    return remote;
  }

  it("is refused (exit 2, nothing pushed) and the dry run says so", async () => {
    const remote = remoteWithSite();
    const api = apiRepo(`{ url: "${remote}", branch: main, directory: "." }`);
    const dry = await runCli(["publish", "--dry-run"], { cwd: api });
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /D README\.md \(not published by protogov\)/);
    assert.match(dry.stdout, /would refuse: 3 file\(s\) there were not published by protogov/);
    const before = git(remote, "rev-parse", "main");
    const r = await runCli(["publish"], { cwd: api });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /holds 3 file\(s\) protogov did not publish: .*README\.md \(would be deleted\)/);
    assert.match(r.stderr, /replace_foreign: true/);
    assert.equal(git(remote, "rev-parse", "main"), before);
  });

  it("goes ahead with replace_foreign: true, and later releases need no opt-in", async () => {
    const remote = remoteWithSite();
    const api = apiRepo(`{ url: "${remote}", branch: main, directory: ".", replace_foreign: true }`);
    const r = await runCli(["publish"], { cwd: api });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(git(remote, "tag", "--list"), "v1.0.0");
    assert.doesNotMatch(git(remote, "ls-tree", "-r", "--name-only", "main"), /README\.md/);
  });
});

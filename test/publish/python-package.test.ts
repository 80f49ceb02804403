/**
 * A Python target end to end: protogov installs grpcio-tools itself (pinned,
 * in its cache), publishes proto-examples as a pyproject.toml package to a
 * local bare git repository (tags vX.Y.Z), and a fresh virtualenv
 * `pip install`s each release from `git+file://...@vX.Y.Z` (runtimes from the
 * .cache/wheels wheelhouse: offline); its client calls a TypeScript server
 * (connect-node, gRPC) and catches the typed error through from_rpc_error.
 * A feature is a minor, a breaking change a major, a re-run changes nothing,
 * CHANGELOG.md grows with each release, and a PATH without python3 is a
 * clear exit 2.
 */
import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { runCli } from "../support/run-cli.js";
import { addField, bareRemote, git, removeField, tempDir } from "./api-project.js";
import { assertChangelog, assertMissingTool, ensureWheelhouse, langApiProject, langEnv, publish, wheelhouse } from "./lang-package.js";
import { startTsUsersServer, type TsServer } from "./ts-users-server.js";

const runAsync = promisify(execFile);
let remote: string;
let api: string;
let server: TsServer | undefined;

const CLIENT = `
import sys
import grpc
from acme.users.v1 import users_pb2, users_pb2_grpc
from acme.users.v1.errors_errors import UserNotFoundError, from_rpc_error

with grpc.insecure_channel(sys.argv[1]) as channel:
    try:
        users_pb2_grpc.UserServiceStub(channel).GetUser(users_pb2.GetUserRequest(user_id=sys.argv[2]))
        print("no error")
    except grpc.RpcError as e:
        err = from_rpc_error(e)
        assert isinstance(err, UserNotFoundError), err
        print(f"{type(err).__name__} user={err.user_id} reason={err.reason} is={UserNotFoundError.matches(e)}")
`;

function project(): string {
  return langApiProject(`  - name: python
    language: python
    python: { name: acme-apis, description: Acme APIs }
    version: { initial: 1.0.0 }
    plugins:
      - name: python
      - name: pyi
      - name: grpc_python
      - name: errors
        options: { lang: python }
    publish:
      git: { url: "${remote}", branch: main }`);
}

/** A fresh virtualenv, the release installed from git, the client run against the TS server. */
async function consume(tag: string): Promise<string> {
  const dir = tempDir("protogov-py-consumer-");
  execFileSync("python3", ["-m", "venv", join(dir, "venv")]);
  const pip = join(dir, "venv", "bin", "pip");
  const started = Date.now();
  execFileSync(pip, ["install", "-q", "--no-index", "--find-links", wheelhouse, `git+file://${remote}@${tag}`], {
    env: { ...process.env, ...langEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const installMs = Date.now() - started;
  console.log(`python ${tag}: pip install into a fresh venv ${installMs} ms`);
  writeFileSync(join(dir, "client.py"), CLIENT);
  const r = await runAsync(join(dir, "venv", "bin", "python"), [join(dir, "client.py"), server?.address ?? "", "u-42"], {
    encoding: "utf8",
  });
  return r.stdout.trim();
}

before(async () => {
  ensureWheelhouse();
  remote = bareRemote();
  api = project();
  server = await startTsUsersServer();
});

after(async () => {
  await server?.close();
});

describe("Python package published to git", { concurrency: false }, () => {
  it("dry run shows the version, the files and the changelog", async () => {
    const r = await runCli(["publish", "--dry-run"], { cwd: api, env: langEnv });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /python: 1\.0\.0 \(major\)/);
    assert.match(r.stdout, /A pyproject\.toml/);
    assert.match(r.stdout, /A src\/acme\/common\/v1\/address_pb2_grpc\.py/);
    assert.match(r.stdout, /git: would tag v1\.0\.0/);
    assert.match(r.stdout, /changelog:\n\s+Initial release\./);
    assert.equal(git(remote, "tag", "--list"), "");
  });

  it("publishes v1.0.0; a fresh venv pip-installs it from git and catches the typed error from a TS server", async () => {
    const started = Date.now();
    await publish(api);
    const publishMs = Date.now() - started;
    assert.equal(git(remote, "tag", "--list"), "v1.0.0");
    const pyproject = git(remote, "show", "v1.0.0:pyproject.toml");
    assert.match(pyproject, /^name = "acme-apis"$/m);
    assert.match(pyproject, /^version = "1\.0\.0"$/m);
    assert.match(pyproject, /"protobuf>=4\.21\.12,<8"/);
    assert.match(pyproject, /"grpcio>=1\.85\.1,<2"/);
    assert.match(pyproject, new RegExp(`^source-commit = "${git(api, "rev-parse", "HEAD")}"$`, "m"));
    const tree = git(remote, "ls-tree", "-r", "--name-only", "v1.0.0").split("\n");
    for (const f of [
      "src/acme/py.typed",
      "src/acme/users/v1/__init__.py",
      "src/acme/users/v1/users_pb2.pyi",
      "src/acme/users/v1/errors_errors.py",
    ]) {
      assert.ok(tree.includes(f), `${f} in the tagged tree`);
    }
    assertChangelog(remote, "v1.0.0", ["1.0.0 (major)"], git(api, "rev-parse", "HEAD"));
    assert.equal(await consume("v1.0.0"), "UserNotFoundError user=u-42 reason=USER_NOT_FOUND is=True");
    console.log(`python: publish (generate + package + push) ${publishMs} ms`);
  });

  it("a feature is a minor release (v1.1.0); a breaking change the next major (v2.0.0), installable", async () => {
    const feature = addField(api);
    assert.match(await publish(api), /v1\.1\.0/);
    assert.match(git(remote, "show", "v1.1.0:pyproject.toml"), /^version = "1\.1\.0"$/m);
    assertChangelog(remote, "v1.1.0", ["1.1.0 (minor)", "1.0.0 (major)"], feature);
    assert.match(git(remote, "show", "v1.1.0:CHANGELOG.md"), /nickname/);
    const breaking = removeField(api);
    assert.match(await publish(api), /v2\.0\.0/);
    assertChangelog(remote, "v2.0.0", ["2.0.0 (major)", "1.1.0 (minor)", "1.0.0 (major)"], breaking);
    assert.equal(await consume("v2.0.0"), "UserNotFoundError user=u-42 reason=USER_NOT_FOUND is=True");
  });

  it("publishing again changes nothing", async () => {
    const before = git(remote, "rev-parse", "main");
    assert.match(await publish(api), /nothing|unchanged/i);
    assert.equal(git(remote, "rev-parse", "main"), before);
    assert.deepEqual(git(remote, "tag", "--list").split("\n"), ["v1.0.0", "v1.1.0", "v2.0.0"]);
  });

  it("without python3 on PATH, generate is a clear exit 2 naming what to install", async () => {
    await assertMissingTool(api, "python3", /install Python/);
  });
});

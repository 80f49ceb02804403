/**
 * A Go target end to end: protogov installs protoc-gen-go and -go-grpc itself
 * (pinned, cached), publishes proto-examples as a Go module into a
 * sub-directory of a local bare git repository (tags go/vX.Y.Z), and a fresh
 * consumer module `go get`s each release through a GOPROXY directory built
 * from the tag; its client calls a TypeScript server (connect-node, gRPC) and
 * catches the typed error through the generated FromError. A feature is a
 * minor, a breaking change moves the module to /v2, a re-run changes nothing,
 * and a PATH without go is a clear exit 2.
 */
import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { goEnv } from "../errors/lang-support.js";
import { runCli } from "../support/run-cli.js";
import { addField, bareRemote, git, removeField, tempDir } from "./api-project.js";
import { addToProxy, consumerMain, forgetModules, goApiProject, goTestEnv } from "./go-proxy.js";
import { startTsUsersServer, type TsServer } from "./ts-users-server.js";

const runAsync = promisify(execFile);
const MODULE = "example.test/acme/apis/go";
const proxy = tempDir("protogov-goproxy-");
const env = goTestEnv(proxy);
const gomodcache = env["GOMODCACHE"] ?? "";
let remote: string;
let api: string;
let server: TsServer | undefined;
let address = "";

function goProject(): string {
  return goApiProject({
    module: MODULE,
    plugins: ["go", "go-grpc", "errors"],
    extra: `    version: { initial: 1.0.0 }\n    publish:\n      git: { url: "${remote}", branch: main, directory: go }`,
  });
}

async function publish(): Promise<string> {
  const r = await runCli(["publish"], { cwd: api, env });
  assert.equal(r.code, 0, `publish failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** A fresh consumer module: `go get <module>@<version>`, build the client, call the TS server. */
async function consume(modulePath: string, version: string): Promise<string> {
  const dir = tempDir("protogov-go-consumer-");
  const go = (...args: string[]) => execFileSync("go", args, { cwd: dir, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  go("mod", "init", "example.test/consumer");
  writeFileSync(join(dir, "main.go"), consumerMain(`${modulePath}/acme/users/v1`));
  go("get", `${modulePath}@${version}`, "google.golang.org/grpc@v1.85.0");
  go("build", "-o", "client", ".");
  assert.match(
    readFileSync(join(dir, "go.mod"), "utf8"),
    new RegExp(`${modulePath.replaceAll(".", "\\.")} ${version.replaceAll(".", "\\.")}`),
  );
  // Asynchronously: the server answering it runs in this process.
  const r = await runAsync(join(dir, "client"), [address, "u-42"], { encoding: "utf8" }).catch(
    (e: { stdout?: string; message: string }) => {
      assert.fail(`client: ${e.stdout ?? ""}${e.message}`);
    },
  );
  return r.stdout;
}

function serve(tag: string, modulePath: string, version: string): void {
  addToProxy(proxy, remote, { tag, dir: "go", modulePath, version });
}

before(async () => {
  forgetModules(gomodcache, "example.test");
  remote = bareRemote();
  api = goProject();
  server = await startTsUsersServer();
  address = server.address;
});

after(async () => {
  await server?.close();
  forgetModules(gomodcache, "example.test");
});

describe("Go module published to git", { concurrency: false }, () => {
  it("dry run shows the module path, the go/ tag and the files", async () => {
    const r = await runCli(["publish", "--dry-run"], { cwd: api, env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /go: 1\.0\.0 \(major\)/);
    assert.match(r.stdout, /A go\/go\.mod/);
    assert.match(r.stdout, /git: would tag go\/v1\.0\.0/);
    assert.match(r.stdout, /go: module example\.test\/acme\/apis\/go; consumers run: go get example\.test\/acme\/apis\/go@v1\.0\.0/);
    assert.match(r.stdout, /A go\/acme\/users\/v1\/users_grpc\.pb\.go/);
    assert.match(r.stdout, /A go\/acme\/users\/v1\/errors_errors\.go/);
    assert.equal(git(remote, "tag", "--list").trim(), "");
  });

  it("publishes v1.0.0 under tag go/v1.0.0; go vet and go build pass; a consumer go-gets it and catches the typed error from a TS server", async () => {
    await publish();
    assert.equal(git(remote, "tag", "--list"), "go/v1.0.0");
    const goMod = git(remote, "show", "go/v1.0.0:go/go.mod");
    assert.match(goMod, new RegExp(`^module ${MODULE.replaceAll(".", "\\.")}$`, "m"));
    assert.match(goMod, /google\.golang\.org\/protobuf v1\.36\.12/);
    assert.match(goMod, /google\.golang\.org\/grpc v1\.85\.0/);
    const meta = JSON.parse(git(remote, "show", "go/v1.0.0:go/protogov.json")) as Record<string, unknown>;
    assert.deepEqual(meta["plugins"], { "protoc-gen-go": "v1.36.12", "protoc-gen-go-grpc": "v1.6.2" });
    assert.equal(meta["version"], "v1.0.0");
    assert.equal(meta["sourceCommit"], git(api, "rev-parse", "HEAD"));
    // The tagged tree itself passes go vet and go build (go.sum included: no resolution needed).
    const checkout = tempDir("protogov-go-checkout-");
    git(remote, "--work-tree", checkout, "checkout", "go/v1.0.0", "--", "go");
    const modDir = join(checkout, "go");
    assert.ok(existsSync(join(modDir, "go.sum")));
    const vetEnv = { ...env, GOFLAGS: "-mod=readonly", GOPROXY: "off" };
    execFileSync("go", ["vet", "./..."], { cwd: modDir, env: vetEnv, stdio: ["ignore", "pipe", "pipe"] });
    execFileSync("go", ["build", "./..."], { cwd: modDir, env: vetEnv, stdio: ["ignore", "pipe", "pipe"] });

    serve("go/v1.0.0", MODULE, "v1.0.0");
    assert.equal((await consume(MODULE, "v1.0.0")).trim(), "*usersv1.UserNotFoundError user=u-42 reason=USER_NOT_FOUND is=true");
  });

  it("a feature is a minor release (go/v1.1.0), same module path", async () => {
    addField(api);
    assert.match(await publish(), /go\/v1\.1\.0/);
    assert.match(git(remote, "show", "go/v1.1.0:go/go.mod"), new RegExp(`^module ${MODULE.replaceAll(".", "\\.")}$`, "m"));
  });

  it("a breaking change moves the module to /v2 (go.mod and every import), and a consumer go-gets /v2@v2.0.0", async () => {
    removeField(api);
    assert.match(await publish(), /go\/v2\.0\.0/);
    const v2 = `${MODULE}/v2`;
    assert.match(git(remote, "show", "go/v2.0.0:go/go.mod"), new RegExp(`^module ${v2.replaceAll(".", "\\.")}$`, "m"));
    const orders = git(remote, "show", "go/v2.0.0:go/acme/orders/v1/orders.pb.go");
    assert.match(orders, new RegExp(`"${v2.replaceAll(".", "\\.")}/acme/users/v1"`));
    assert.doesNotMatch(orders, new RegExp(`"${MODULE.replaceAll(".", "\\.")}/acme/`));
    serve("go/v2.0.0", v2, "v2.0.0");
    assert.equal((await consume(v2, "v2.0.0")).trim(), "*usersv1.UserNotFoundError user=u-42 reason=USER_NOT_FOUND is=true");
  });

  it("publishing again changes nothing", async () => {
    const before = git(remote, "rev-parse", "main");
    const out = await publish();
    assert.match(out, /nothing|unchanged/i);
    assert.equal(git(remote, "rev-parse", "main"), before);
    assert.deepEqual(git(remote, "tag", "--list").split("\n"), ["go/v1.0.0", "go/v1.1.0", "go/v2.0.0"]);
  });

  it("without go on PATH, generate is a clear exit 2 naming what to install", async () => {
    const noGo = (process.env["PATH"] ?? "")
      .split(delimiter)
      .filter((d) => !existsSync(join(d, "go")))
      .join(delimiter);
    const emptyCache = tempDir("protogov-go-nocache-");
    mkdirSync(emptyCache, { recursive: true });
    const r = await runCli(["generate"], { cwd: api, env: { ...env, PATH: noGo, PROTOGOV_CACHE_DIR: emptyCache } });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /`go` is not on PATH/);
    assert.match(r.stderr, /install Go/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
    assert.ok(goEnv()["GOMODCACHE"]);
  });
});

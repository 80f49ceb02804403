/**
 * The scaffolds run as generated, in a fresh directory outside this
 * repository, with only the steps docs/test-scaffolds.md gives:
 *
 *     protogov scaffold proto --out test/api
 *     npm install
 *     npm run test:api
 *
 * `npm install` reaches a real registry (verdaccio on 127.0.0.1, seeded with
 * the packages protogov pins, no uplink). Then an RPC is added to a proto and
 * `scaffold` runs again: the new test compiles and passes without a separate
 * `generate`, because scaffold regenerates the stubs it imports.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { type Registry, seedFromNodeModules, startVerdaccio } from "../publish/verdaccio.js";
import { examplesDir } from "../support/paths.js";
import { runCli } from "../support/run-cli.js";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe("scaffolds in a fresh project, with the documented steps only", () => {
  let registry: Registry;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    registry = await startVerdaccio();
    await seedFromNodeModules(registry, [
      "@bufbuild/protobuf",
      "@connectrpc/connect",
      "@protogov/errors-runtime",
      "typescript",
      "@types/node",
      "undici-types",
    ]);
    dir = mkdtempSync(join(tmpdir(), "protogov-fresh-scaffold-"));
    cpSync(examplesDir, join(dir, "proto"), { recursive: true });
    // The user's npm configuration, as a developer machine has it: the registry to install from.
    writeFileSync(join(dir, ".npmrc"), `registry=${registry.url}\n`);
    // NODE_TEST_CONTEXT would make the inner `node --test` report to this test runner instead of printing.
    const { NODE_TEST_CONTEXT: _, ...outer } = process.env;
    env = { ...outer, npm_config_cache: join(dir, ".npm-cache"), npm_config_audit: "false", npm_config_fund: "false" };
  });

  after(async () => {
    await registry?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("scaffold, npm install, npm run test:api: every generated test passes", async () => {
    const scaffold = await runCli(["scaffold", "proto", "--out", "test/api"], { cwd: dir });
    assert.equal(scaffold.code, 0, scaffold.stderr);
    assert.match(scaffold.stdout, /Stubs: regenerated \d+ file\(s\) in test\/api\./);
    assert.match(scaffold.stdout, /Setup: package\.json: created\./);
    assert.match(scaffold.stdout, /Setup: test\/api\/tsconfig\.json: created\./);
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    assert.deepEqual(Object.keys(manifest.devDependencies), [
      "@bufbuild/protobuf",
      "@connectrpc/connect",
      "@protogov/errors-runtime",
      "@types/node",
      "typescript",
    ]);
    assert.equal(manifest.scripts["test:api"], "tsc -p test/api && node --test test/api/dist/");

    const install = await run("npm", ["install"], dir, env);
    assert.equal(install.code, 0, install.stderr);
    const tests = await run("npm", ["run", "test:api"], dir, env);
    assert.equal(tests.code, 0, `${tests.stdout}\n${tests.stderr}`);
    assert.match(tests.stdout, /# fail 0/);
    assert.match(tests.stdout, /# pass [1-9]\d*/);
  });

  it("a new RPC gets a test that compiles and passes after scaffold alone", async () => {
    const proto = join(dir, "proto/acme/users/v1/users.proto");
    writeFileSync(
      proto,
      readFileSync(proto, "utf8").replace(
        "  rpc GetUser(",
        "  // Returns the user signed up with an e-mail address.\n  rpc FindUserByEmail(GetUserRequest) returns (GetUserResponse);\n  rpc GetUser(",
      ),
    );
    const again = await runCli(["scaffold", "proto", "--out", "test/api"], { cwd: dir });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /added {7}acme\/users\/v1\/user_service\.test\.ts FindUserByEmail/);
    assert.match(again.stdout, /Stubs: regenerated 1 file\(s\) in test\/api\./, "only users_pb.ts changed");
    assert.doesNotMatch(again.stdout, /Setup:/, "the setup is there already");
    const tests = await run("npm", ["run", "test:api"], dir, env);
    assert.equal(tests.code, 0, `${tests.stdout}\n${tests.stderr}`);
    assert.match(tests.stdout, /UserService\.FindUserByEmail/);
    assert.ok(existsSync(join(dir, "test/api/dist")));
  });
});

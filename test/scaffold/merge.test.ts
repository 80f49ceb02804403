/**
 * `protogov scaffold` through the real CLI on a copy of proto-examples: a
 * generated test is edited, an RPC is added to a proto, the command runs
 * again: the edit survives, the new RPC has its test (and its placeholder),
 * and the report says what was added, kept and left alone. Also: --check for
 * CI, a removed RPC left alone, a file without blocks treated as the user's,
 * and no partial output when a file cannot be written.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { describe, it } from "node:test";
import { mergeFile } from "../../core/features/scaffold/merge.js";
import { parseBlocks, sealBlocks } from "../../plugins/test-scaffold/blocks.js";
import { examplesDir } from "../support/paths.js";
import { runCli } from "../support/run-cli.js";
import { tempProject } from "../support/temp-project.js";

const TEST = "test/api/acme/users/v1/user_service.test.ts";
const IMPL = "test/api/acme/users/v1/user_service.impl.ts";
const USERS_PROTO = "proto/acme/users/v1/users.proto";
const EDIT = `      request: { userId: "usr_edited_by_hand" },`;

function blockIds(text: string): string[] {
  return parseBlocks(text).flatMap((s) => (s.kind === "block" ? [s.id] : []));
}

describe("protogov scaffold (CLI)", () => {
  it("keeps an edited test, adds the test of a new RPC, leaves a removed RPC alone", async (t) => {
    const p = tempProject(t);
    p.copy(examplesDir, "proto");
    const first = await runCli(["scaffold", "proto", "--out", "test/api"], { cwd: p.dir });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /Scaffolded test\/api: 38 added, 0 updated, 0 kept, 0 left alone, 0 unchanged; wrote 7 file\(s\)\./);

    const edited = p.read(TEST).replace(`      request: {},`, EDIT);
    p.write(TEST, edited);
    const proto = p.read(USERS_PROTO);
    p.write(
      USERS_PROTO,
      proto
        .replace(
          "  rpc GetUser(",
          "  // Returns the user signed up with an e-mail address.\n  rpc FindUserByEmail(GetUserRequest) returns (GetUserResponse);\n  rpc GetUser(",
        )
        .replace(/ {2}\/\/ Soft-deletes[^\n]*\n {2}\/\/[^\n]*\n {2}rpc DeleteUser[^\n]*\n/, ""),
    );
    assert.ok(!p.read(USERS_PROTO).includes("rpc DeleteUser"));

    const second = await runCli(["scaffold", "proto", "--out", "test/api"], { cwd: p.dir });
    assert.equal(second.code, 0, second.stderr);
    const test = p.read(TEST);
    assert.ok(test.includes(EDIT), "the edited GetUser case survives");
    assert.deepEqual(blockIds(test), [
      "setup",
      "FindUserByEmail",
      "GetUser",
      "ListUsers",
      "CreateUser",
      "UpdateUser",
      "DeleteUser",
      "UploadAvatar",
    ]);
    assert.match(test, /scaffold\.runUnary\(UserService\.method\.findUserByEmail, registry, c,/);
    assert.ok(blockIds(p.read(IMPL)).includes("FindUserByEmail"), "the placeholder implements the new RPC");
    assert.match(second.stdout, /added {7}acme\/users\/v1\/user_service\.test\.ts FindUserByEmail\n/);
    assert.match(second.stdout, /kept {8}acme\/users\/v1\/user_service\.test\.ts GetUser \(edited\)/);
    assert.match(second.stdout, /left alone {2}acme\/users\/v1\/user_service\.test\.ts DeleteUser \(no longer in the protos/);
    assert.match(second.stdout, /2 added, 0 updated, 1 kept, 2 left alone, 35 unchanged; wrote 2 file\(s\)\./);

    const check = await runCli(["scaffold", "proto", "--out", "test/api", "--check"], { cwd: p.dir });
    assert.equal(check.code, 0, "up to date: --check exits 0");
    p.write(
      USERS_PROTO,
      p.read(USERS_PROTO).replace("  rpc GetUser(", "  // Pings.\n  rpc Ping(GetUserRequest) returns (GetUserResponse);\n  rpc GetUser("),
    );
    const stale = await runCli(["scaffold", "proto", "--out", "test/api", "--check", "--format", "json"], { cwd: p.dir });
    assert.equal(stale.code, 1, "a missing test: --check exits 1");
    const report = JSON.parse(stale.stdout) as { changed: string[]; entries: { block?: string; action: string }[] };
    assert.deepEqual(report.changed, ["acme/users/v1/user_service.impl.ts", "acme/users/v1/user_service.test.ts"]);
    assert.ok(report.entries.some((e) => e.block === "Ping" && e.action === "added"));
    assert.ok(!p.read(TEST).includes("Ping"), "--check writes nothing");
  });

  it("writes nothing when one file cannot be written", async (t) => {
    const p = tempProject(t);
    p.copy(examplesDir, "proto");
    p.write("test/api/acme/orders", "a file where a directory is needed\n");
    const run = await runCli(["scaffold", "proto", "--out", "test/api"], { cwd: p.dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /protogov: usage error: cannot write the scaffolds to .* nothing was changed/);
    assert.ok(!existsSync(p.path("test/api/protogov_test_support.ts")));
    assert.ok(!existsSync(p.path("test/api/acme/users")));
  });

  it("rejects an unknown runner with the valid ones (exit 2)", async (t) => {
    const p = tempProject(t);
    const run = await runCli(["scaffold", "--runner", "jest"], { cwd: p.dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /Allowed choices are node, vitest/);
  });
});

describe("mergeFile", () => {
  const gen = [
    "// header",
    "// @protogov-block a",
    "A",
    "// @protogov-block-end a",
    "",
    "// @protogov-block b",
    "B",
    "// @protogov-block-end b",
  ].join("\n");

  it("treats a file without blocks as the user's", () => {
    const merged = mergeFile("f.ts", gen, "// my own test\n");
    assert.equal(merged.content, undefined);
    assert.deepEqual(merged.entries, [
      { file: "f.ts", block: undefined, action: "kept", reason: "has no protogov blocks, so it is yours" },
    ]);
  });

  it("keeps text a user added between blocks", () => {
    const disk = sealBlocks(gen).replace("\n\n", "\n\n// my helper\n\n");
    const next = sealBlocks(gen.replace("B", "B2"));
    const merged = mergeFile("f.ts", next, disk);
    assert.ok(merged.content?.includes("// my helper"));
    assert.ok(merged.content?.includes("B2"), "the unedited block is updated");
  });
});

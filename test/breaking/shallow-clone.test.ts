/**
 * CI checkouts: `git clone --depth 1 --branch feature` holds one commit of the
 * feature branch and nothing of main. protogov fetches the base branch (and
 * deepens until the merge-base is there), or fails with exit 2 and a message
 * that names the ref and says how to fetch it.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertNoCrash, type CliResult } from "../support/run-cli.js";
import { branch, changeList, gitRepo, type Repo, USER_REF_DISPLAY_NAME, USERS } from "./support.js";

/**
 * main: base, then a later unrelated commit (so main's tip is not the merge-base);
 * feature: the base plus a removed field. The origin stays on main, like a hosted repository.
 */
async function origin(t: Parameters<typeof gitRepo>[0]): Promise<Repo> {
  const repo = await gitRepo(t);
  await branch(repo, "feature");
  repo.edit(USERS, USER_REF_DISPLAY_NAME, "");
  await repo.commitAll("feature: drop UserRef.display_name");
  await repo.git("checkout", "--quiet", "main");
  repo.edit("acme/orders/v1/orders.proto", "\nmessage Order {", "\n// Added on main after the branch point.\nmessage Order {");
  await repo.commitAll("main moves on");
  return repo;
}

function assertRemovedFieldOnly(result: CliResult): void {
  assertNoCrash(result);
  assert.equal(result.code, 1, result.stdout + result.stderr);
  assert.match(result.stdout, /FIELD_NO_DELETE/);
}

test("a shallow clone fetches the CI base branch and its merge-base", async (t) => {
  const clone = await (await origin(t)).clone("--depth", "1", "--branch", "feature");
  assert.equal((await clone.git("rev-parse", "--is-shallow-repository")).trim(), "true");

  for (const variable of ["GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME"]) {
    const result = await clone.run(["breaking"], { [variable]: "main" });
    assertRemovedFieldOnly(result);
    // Against the merge-base, main's later commit is not part of the change.
    assert.match(result.stdout, /^API since main \(merge-base\), 1 file changed: 1 breaking change \(semver: major\)$/m);
  }
  assert.match(await clone.git("branch", "--remotes"), /origin\/main/);
});

test("a shallow clone without CI variables finds origin's default branch", async (t) => {
  const clone = await (await origin(t)).clone("--depth", "1", "--branch", "feature");
  const result = await clone.run(["breaking"]);
  assertRemovedFieldOnly(result);
  assert.match(result.stdout, /^API since origin\/main \(merge-base\), 1 file changed: 1 breaking change \(semver: major\)$/m);

  const log = await clone.changelog();
  assert.deepEqual(changeList(log.changes), ["FIELD_REMOVED breaking acme.users.v1.UserRef.display_name"]);
});

test("a shallow clone fetches an explicit --against branch", async (t) => {
  const clone = await (await origin(t)).clone("--depth", "1", "--branch", "feature");
  const result = await clone.run(["breaking", "--against", "main"]);
  assertRemovedFieldOnly(result);
  // Against main's tip (no merge-base for an explicit ref): main's later comment is reverted here.
  const log = await clone.changelog(["--against", "main"]);
  assert.deepEqual(changeList(log.changes).sort(), [
    "COMMENT_CHANGED docs acme.orders.v1.Order",
    "FIELD_REMOVED breaking acme.users.v1.UserRef.display_name",
  ]);
});

test("a base that does not exist: exit 2, the ref named, how to fetch, no stack", async (t) => {
  const repo = await origin(t);
  const clone = await repo.clone("--depth", "1", "--branch", "feature");
  for (const [where, command] of [
    [clone, "breaking"],
    [clone, "diff"],
    [clone, "check"],
    [repo, "breaking"],
  ] as const) {
    const result = await where.run([command, "--against", "nope"]);
    assertNoCrash(result);
    assert.equal(result.code, 2, `${command}: ${result.stdout}${result.stderr}`);
    assert.equal(result.stdout, "");
    assert.match(result.stderr, /base ref "nope" does not exist/);
    assert.match(result.stderr, /hint: .*git fetch origin nope/);
  }
});

test("a shallow clone whose origin lacks the CI base branch fails with exit 2 and how to fetch", async (t) => {
  const clone = await (await origin(t)).clone("--depth", "1", "--branch", "feature");
  const result = await clone.run(["breaking"], { GITHUB_BASE_REF: "release-9" });
  assertNoCrash(result);
  assert.equal(result.code, 2, result.stdout + result.stderr);
  assert.match(result.stderr, /"origin\/release-9" does not exist/);
  assert.match(result.stderr, /fetch/);
});

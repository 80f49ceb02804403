/**
 * The base side is read from git objects, never checked out: after breaking,
 * diff and check (incremental and full, against refs, with a CI base branch),
 * the status, the index, HEAD and every byte of the work tree are unchanged,
 * and what the runs saw was the work tree, unstaged edits included.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { branch, gitRepo, type Repo, USER_REF_DISPLAY_NAME, USERS } from "./support.js";

/** Every file under the repository except .git, with a hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const abs = join(d, name);
      if (name === ".git" && d === dir) continue;
      if (statSync(abs).isDirectory()) walk(abs);
      else out[relative(dir, abs)] = createHash("sha256").update(readFileSync(abs)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

async function gitState(repo: Repo): Promise<Record<string, string>> {
  return {
    status: await repo.git("status", "--porcelain=v1", "--untracked-files=all"),
    head: await repo.git("rev-parse", "HEAD"),
    branch: await repo.git("symbolic-ref", "HEAD"),
    index: await repo.git("ls-files", "--stage"),
    refs: await repo.git("for-each-ref", "--format=%(refname) %(objectname)", "refs/heads", "refs/tags"),
    stash: await repo.git("stash", "list"),
  };
}

test("runs leave the work tree, the index and HEAD untouched, and see unstaged edits", async (t) => {
  const repo = await gitRepo(t);
  await branch(repo, "feature");
  repo.edit(USERS, USER_REF_DISPLAY_NAME, "");
  await repo.commitAll("drop a field");
  // Staged, unstaged and untracked changes on top of the commit.
  repo.edit("acme/common/v1/money.proto", "\nmessage Money {", "\n// Staged.\nmessage Money {");
  await repo.git("add", "acme/common/v1/money.proto");
  repo.edit(USERS, "// Identifier of the referenced user, see User.id.", "// Identifier of the referenced user (unstaged).");
  repo.write(
    "acme/users/v1/notes.proto",
    'syntax = "proto3";\n\npackage acme.users.v1;\n\n// A note.\nmessage Note {\n  // Text.\n  string text = 1;\n}\n',
  );
  const unstaged = readFileSync(repo.path(USERS));

  const files = snapshot(repo.dir);
  const state = await gitState(repo);
  assert.match(state.status ?? "", /^M {2}acme\/common\/v1\/money\.proto$/m);
  assert.match(state.status ?? "", /^ M acme\/users\/v1\/users\.proto$/m);
  assert.match(state.status ?? "", /^\?\? acme\/users\/v1\/notes\.proto$/m);

  const runs: string[][] = [
    ["breaking"],
    ["breaking", "--all"],
    ["breaking", "--against", "main"],
    ["diff", "--format", "json"],
    ["check"],
    ["check", "--all"],
  ];
  for (const args of runs) {
    const result = await repo.run(args);
    assert.ok(result.code === 0 || result.code === 1, `${args.join(" ")}: exit ${result.code}\n${result.stderr}`);
  }
  const ci = await repo.run(["breaking"], { GITHUB_BASE_REF: "main" });
  // No origin here: the CI base branch cannot be fetched, and nothing is changed trying.
  assert.equal(ci.code, 2, ci.stdout + ci.stderr);

  // The work tree was what the runs compared: the unstaged comment and the untracked file are in the diff.
  const log = await repo.changelog();
  const seen = log.changes.map((c) => `${c.rule} ${c.name}`);
  assert.ok(seen.includes("COMMENT_CHANGED acme.users.v1.UserRef.user_id"), seen.join("\n"));
  assert.ok(seen.includes("MESSAGE_ADDED acme.users.v1.Note"), seen.join("\n"));
  assert.ok(seen.includes("COMMENT_CHANGED acme.common.v1.Money"), seen.join("\n"));

  assert.deepEqual(await gitState(repo), state);
  assert.deepEqual(snapshot(repo.dir), files);
  assert.ok(readFileSync(repo.path(USERS)).equals(unstaged), "the unstaged edit changed");
});

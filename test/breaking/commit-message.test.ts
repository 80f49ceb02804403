/**
 * Conventional-commit tags end to end in a real repository: `diff --format
 * commit` prints googleapis-style lines, and `check --commit-message` (or
 * PROTOGOV_COMMIT_MESSAGE) fails when the message understates the change.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseCommitMessage } from "../../core/features/breaking/commit-message.js";
import { branch, gitRepo, type Repo, USER_REF_DISPLAY_NAME, USERS } from "./support.js";

async function removedField(t: Parameters<typeof gitRepo>[0]): Promise<Repo> {
  const repo = await gitRepo(t);
  await branch(repo, "remove");
  repo.edit(USERS, USER_REF_DISPLAY_NAME, "");
  repo.edit(USERS, "message User {\n", "message User {\n  // The user's pronouns, as they want them shown.\n  string pronouns = 90;\n");
  await repo.commitAll("remove display_name");
  return repo;
}

test("diff --format commit prints one tagged googleapis-style line per change, breaking first", async (t) => {
  const repo = await removedField(t);
  const out = await repo.run(["diff", "--format", "commit"]);
  assert.equal(out.code, 0, out.stderr);
  const lines = out.stdout.trimEnd().split("\n");
  assert.deepEqual(lines, [
    "fix!: An existing field `display_name` is removed from message `acme.users.v1.UserRef`.",
    "feat: A new field `pronouns` is added to message `acme.users.v1.User`.",
  ]);
  const log = await repo.changelog();
  assert.deepEqual(
    log.changes.map((c) => c.tag),
    ["fix!", "feat"],
  );
});

test("check --commit-message fails on a message that understates a break, passes with `!` or a footer", async (t) => {
  const repo = await removedField(t);
  repo.write("understated.txt", "fix: tidy up UserRef\n");
  const bad = await repo.json(["check", "--commit-message", "understated.txt"]);
  assert.equal(bad.code, 1);
  const finding = bad.report.findings.find((f) => f.rule === "COMMIT_MESSAGE_UNDERSTATES");
  assert.ok(finding, JSON.stringify(bad.report.findings));
  assert.equal(finding.file, "understated.txt");
  assert.match(finding.message, /"fix: tidy up UserRef" announces less than a major change: An existing field `display_name` is removed/);
  assert.match(finding.hint ?? "", /start it with "fix!: tidy up UserRef" or add a "BREAKING CHANGE: <what breaks>" footer/);

  for (const message of [
    "fix!: remove UserRef.display_name\n",
    "refactor: drop display_name\n\nBREAKING CHANGE: UserRef.display_name is gone\n",
  ]) {
    repo.write("ok.txt", message);
    const good = await repo.json(["check", "--commit-message", "ok.txt"]);
    assert.deepEqual(
      good.report.findings.filter((f) => f.rule === "COMMIT_MESSAGE_UNDERSTATES"),
      [],
      message,
    );
  }
});

test("PROTOGOV_COMMIT_MESSAGE (the PR title in CI) is held to the same rule", async (t) => {
  const repo = await removedField(t);
  const bad = await repo.json(["check"], { PROTOGOV_COMMIT_MESSAGE: "feat: add pronouns" });
  assert.ok(bad.report.findings.some((f) => f.rule === "COMMIT_MESSAGE_UNDERSTATES" && f.file === ""));
  const good = await repo.json(["check"], { PROTOGOV_COMMIT_MESSAGE: "feat!: add pronouns, drop UserRef.display_name" });
  assert.ok(!good.report.findings.some((f) => f.rule === "COMMIT_MESSAGE_UNDERSTATES"));
});

test("a missing commit message file is a usage error (exit 2), not a finding", async (t) => {
  const repo = await gitRepo(t);
  const out = await repo.run(["check", "--commit-message", "nope.txt"]);
  assert.equal(out.code, 2);
  assert.match(out.stderr, /cannot read the commit message file nope\.txt/);
});

test("parseCommitMessage reads type, `!` and the BREAKING CHANGE footer", () => {
  assert.deepEqual(parseCommitMessage("feat(api)!: x"), { header: "feat(api)!: x", type: "feat", breaking: true });
  assert.deepEqual(parseCommitMessage("\nfix: y\n\nBREAKING-CHANGE: z"), { header: "fix: y", type: "fix", breaking: true });
  assert.deepEqual(parseCommitMessage("Update protos"), { header: "Update protos", type: undefined, breaking: false });
});

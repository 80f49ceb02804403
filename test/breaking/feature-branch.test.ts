/**
 * A feature branch against `main` in a real repository, with no --against: the
 * base is the merge-base with the default branch, and only the changed file
 * (and its package) is checked.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertNoCrash } from "../support/run-cli.js";
import { branch, changeList, gitRepo, onlyChange, type Repo, USER_REF_DISPLAY_NAME, USERS } from "./support.js";

async function branchWith(t: Parameters<typeof gitRepo>[0], change: (repo: Repo) => void): Promise<Repo> {
  const repo = await gitRepo(t);
  await branch(repo, "feature");
  change(repo);
  await repo.commitAll("feature");
  return repo;
}

test("a removed field: breaking fails with buf's FIELD_NO_DELETE and the API summary", async (t) => {
  const repo = await branchWith(t, (r) => r.edit(USERS, USER_REF_DISPLAY_NAME, ""));

  const text = await repo.run(["breaking"]);
  assertNoCrash(text);
  assert.equal(text.code, 1, text.stdout + text.stderr);
  assert.match(text.stdout, /Previously present field "2" with name "display_name" on message "UserRef" was deleted\.\s+FIELD_NO_DELETE/);
  assert.match(text.stdout, /^API since main \(merge-base\), 1 file changed: 1 breaking change \(semver: major\)$/m);

  const { code, report } = await repo.json(["breaking"]);
  assert.equal(code, 1);
  assert.deepEqual(
    report.findings.map((f) => `${f.file} ${f.rule} ${f.severity}`),
    [`${USERS} FIELD_NO_DELETE error`],
  );
});

test("a removed field: diff prints the changelog line and a major bump", async (t) => {
  const repo = await branchWith(t, (r) => r.edit(USERS, USER_REF_DISPLAY_NAME, ""));
  const result = await repo.run(["diff"]);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /^Semver bump: major/);
  assert.ok(result.stdout.includes("An existing field `display_name` is removed from message `acme.users.v1.UserRef`."), result.stdout);
  const log = await repo.changelog();
  assert.deepEqual(changeList(log.changes), ["FIELD_REMOVED breaking acme.users.v1.UserRef.display_name"]);
  assert.equal(log.bump, "major");
});

test("an added field: breaking passes, diff says minor", async (t) => {
  const repo = await branchWith(t, (r) =>
    r.edit(
      USERS,
      USER_REF_DISPLAY_NAME,
      `${USER_REF_DISPLAY_NAME}  // Preferred language of the user, a BCP 47 tag.\n  string locale = 3;\n`,
    ),
  );
  const breaking = await repo.run(["breaking"]);
  assert.equal(breaking.code, 0, breaking.stdout + breaking.stderr);
  assert.match(breaking.stdout, /^No findings\.\n/);
  assert.match(breaking.stdout, /1 feature \(semver: minor\)/);

  const log = await repo.changelog();
  assert.equal(log.bump, "minor");
  const added = onlyChange(log, "FIELD_ADDED");
  assert.equal(added.message, "A new field `locale` is added to message `acme.users.v1.UserRef`.");
  assert.equal(added.classification, "feature");
  assert.equal(added.new?.file, USERS);
});

test("a changed comment only: no findings, diff says patch", async (t) => {
  const repo = await branchWith(t, (r) =>
    r.edit(USERS, "// Identifier of the referenced user, see User.id.", "// Identifier of the referenced user (User.id)."),
  );
  const breaking = await repo.run(["breaking"]);
  assert.equal(breaking.code, 0, breaking.stdout + breaking.stderr);
  const log = await repo.changelog();
  assert.equal(log.bump, "patch");
  assert.deepEqual(changeList(log.changes), ["COMMENT_CHANGED docs acme.users.v1.UserRef.user_id"]);
  assert.equal(onlyChange(log, "COMMENT_CHANGED").message, "A comment for field `user_id` in message `acme.users.v1.UserRef` is changed.");
});

test("diff --format json, markdown and text list the same changes", async (t) => {
  const repo = await branchWith(t, (r) => {
    r.edit(USERS, USER_REF_DISPLAY_NAME, "  // The user's locale.\n  string locale = 3;\n");
    r.edit(USERS, "// Identifier of the referenced user, see User.id.", "// Identifier of the referenced user (User.id).");
  });
  const log = await repo.changelog();
  assert.deepEqual(changeList(log.changes).sort(), [
    "COMMENT_CHANGED docs acme.users.v1.UserRef.user_id",
    "FIELD_ADDED feature acme.users.v1.UserRef.locale",
    "FIELD_REMOVED breaking acme.users.v1.UserRef.display_name",
  ]);
  assert.deepEqual(log.counts, { breaking: 1, feature: 1, docs: 1, internal: 0 });

  const markdown = await repo.run(["diff", "--format", "markdown"]);
  assert.equal(markdown.code, 0, markdown.stderr);
  assert.match(markdown.stdout, /^# API changes\n\nSemver bump: \*\*major\*\*/);
  const items = markdown.stdout.split("\n").filter((l) => l.startsWith("- "));
  // Each item is the change's commit tag, message and where it is (the new tree, or the base for a removal).
  const where = (c: (typeof log.changes)[number]) => c.new ?? c.old;
  assert.deepEqual(items.sort(), log.changes.map((c) => `- \`${c.tag}\` ${c.message} (\`${where(c)?.file}:${where(c)?.line}\`)`).sort());
  for (const title of ["## Breaking changes", "## Features", "## Documentation", "### `acme.users.v1`"]) {
    assert.ok(markdown.stdout.includes(title), `${title} missing from:\n${markdown.stdout}`);
  }

  const text = await repo.run(["diff", "--format", "text"]);
  for (const c of log.changes) {
    assert.ok(text.stdout.includes(`${c.message}  [${c.rule} ${c.tag}]`), `${c.rule} missing from:\n${text.stdout}`);
  }
});

/**
 * The error catalog (protogov.errors.v1 options) on a branch: buf sees no
 * change in an option value, protogov's diff engine does. Deliberate breaks,
 * accepted by comment (diff engine rules) or in protogov.yaml (buf rules),
 * stay in the report as warnings with their reason.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertNoCrash } from "../support/run-cli.js";
import { branch, changeList, gitRepo, onlyChange, USER_ERRORS, USER_REF_DISPLAY_NAME, USERS } from "./support.js";

const EMAIL_NUMBER = "number: 10002";
const EMAIL_VALUE = "  USERS_ERROR_EMAIL_ALREADY_REGISTERED = 2 [";

test("a renumbered error is ERROR_NUMBER_CHANGED, reported by protogov alone", async (t) => {
  const repo = await gitRepo(t);
  await branch(repo, "renumber");
  repo.edit(USER_ERRORS, EMAIL_NUMBER, "number: 10012");
  await repo.commitAll("renumber");

  const { code, report } = await repo.json(["breaking"]);
  assert.equal(code, 1);
  assert.deepEqual(
    report.findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.severity}`),
    [`${USER_ERRORS}:26 ERROR_NUMBER_CHANGED error`],
  );
  assert.match(report.findings[0]?.message ?? "", /`EMAIL_ALREADY_REGISTERED` .* changed from `10002` to `10012`/);

  const log = await repo.changelog();
  assert.equal(log.bump, "major");
  assert.deepEqual(changeList(log.changes), ["ERROR_NUMBER_CHANGED breaking users.acme.example/EMAIL_ALREADY_REGISTERED"]);
});

test("a changed error message text is documentation: exit 0, patch", async (t) => {
  const repo = await gitRepo(t);
  await branch(repo, "wording");
  repo.edit(USER_ERRORS, 'message: "user {user_id} not found"', 'message: "there is no user {user_id}"');
  await repo.commitAll("wording");

  const breaking = await repo.run(["breaking"]);
  assert.equal(breaking.code, 0, breaking.stdout + breaking.stderr);
  assert.match(breaking.stdout, /^No findings\.\n/);
  const log = await repo.changelog();
  assert.equal(log.bump, "patch");
  const change = onlyChange(log, "ERROR_MESSAGE_CHANGED");
  assert.equal(change.classification, "docs");
  assert.equal(log.changes.length, 1, changeList(log.changes).join("\n"));
});

test("a renumbering accepted by a protogov:allow-breaking comment is a warning with its reason", async (t) => {
  const repo = await gitRepo(t);
  await branch(repo, "accepted");
  repo.edit(USER_ERRORS, EMAIL_NUMBER, "number: 10012");
  repo.edit(USER_ERRORS, EMAIL_VALUE, `  // protogov:allow-breaking ERROR_NUMBER_CHANGED 10002 collided with billing\n${EMAIL_VALUE}`);
  await repo.commitAll("accepted renumbering");

  const { code, report } = await repo.json(["breaking"]);
  assert.equal(code, 0, JSON.stringify(report.findings));
  assert.deepEqual(
    report.findings.map((f) => `${f.rule} ${f.severity}`),
    ["ERROR_NUMBER_CHANGED warn"],
  );
  assert.match(report.findings[0]?.message ?? "", /\(accepted: 10002 collided with billing\)$/);

  const text = await repo.run(["breaking"]);
  assert.equal(text.code, 0);
  assert.match(text.stdout, /warning .*accepted: 10002 collided with billing/);

  // The break still reaches consumers: the changelog keeps it, and the bump stays major.
  const log = await repo.changelog();
  const change = onlyChange(log, "ERROR_NUMBER_CHANGED");
  assert.deepEqual(change.accepted, { reason: "10002 collided with billing", via: "comment" });
  assert.equal(log.bump, "major");
  const markdown = await repo.run(["diff", "--format", "markdown"]);
  assert.ok(markdown.stdout.includes("(accepted: 10002 collided with billing)"), markdown.stdout);
});

test("a buf rule accepted in protogov.yaml is a warning with its reason; other breaks still fail", async (t) => {
  const repo = await gitRepo(t);
  await branch(repo, "accepted-config");
  repo.write(
    "protogov.yaml",
    [
      "version: 1",
      "breaking:",
      "  accept:",
      "    - rule: FIELD_NO_DELETE",
      `      path: ${USERS}`,
      "      name: UserRef",
      "      reason: display names come from the users service now",
      "",
    ].join("\n"),
  );
  repo.edit(USERS, USER_REF_DISPLAY_NAME, "");
  await repo.commitAll("accepted removal");

  const accepted = await repo.json(["breaking"]);
  assertNoCrash({ code: accepted.code, stdout: "", stderr: accepted.stderr });
  assert.equal(accepted.code, 0, JSON.stringify(accepted.report.findings) + accepted.stderr);
  assert.deepEqual(
    accepted.report.findings.map((f) => `${f.file} ${f.rule} ${f.severity}`),
    [`${USERS} FIELD_NO_DELETE warn`],
  );
  assert.match(
    accepted.report.findings[0]?.message ?? "",
    /\(accepted: display names come from the users service now \[protogov\.yaml\]\)$/,
  );

  // The entry names UserRef: the same rule on another message is not accepted.
  repo.edit(USERS, "  // Name shown to other users and support agents.\n  string display_name = 3;\n", "");
  await repo.commitAll("unaccepted removal");
  const unaccepted = await repo.json(["breaking"]);
  assert.equal(unaccepted.code, 1);
  assert.deepEqual(
    unaccepted.report.findings.map((f) => `${f.rule} ${f.severity} ${f.message.includes('"User"') ? "User" : "UserRef"}`),
    ["FIELD_NO_DELETE error User", "FIELD_NO_DELETE warn UserRef"],
  );
});

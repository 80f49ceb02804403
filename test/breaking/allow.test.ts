/**
 * One acceptance syntax for buf's breaking findings and protogov's API
 * changes: the same comment directive (a rule id or `*`) and the same
 * protogov.yaml entry semantics accept both, so the findings and the
 * changelog never disagree about what was accepted.
 */
import assert from "node:assert/strict";
import { describe, it, test } from "node:test";
import { allowedByComment, NO_REASON, nameMatches } from "../../core/engines/diff/accept-breaks.js";
import type { JsonReport } from "../support/run-cli.js";
import { branch, gitRepo, onlyChange, type Repo, USER_REF_DISPLAY_NAME, USERS } from "./support.js";

describe("allowedByComment", () => {
  it("accepts the named rule or any rule with `*`, and gives the reason", () => {
    assert.equal(allowedByComment(["// protogov:allow-breaking FIELD_NO_DELETE never served"], "FIELD_NO_DELETE"), "never served");
    assert.equal(allowedByComment(["// protogov:allow-breaking * agreed with consumers"], "FIELD_REMOVED"), "agreed with consumers");
    assert.equal(allowedByComment(["// protogov:allow-breaking FIELD_NO_DELETE"], "FIELD_NO_DELETE"), NO_REASON);
  });

  it("ignores directives for other rules and text that is not a directive", () => {
    assert.equal(allowedByComment(["// protogov:allow-breaking FIELD_REMOVED x"], "FIELD_NO_DELETE"), undefined);
    assert.equal(
      allowedByComment(["// allow-breaking FIELD_NO_DELETE x", "// protogov:ignore FIELD_NO_DELETE"], "FIELD_NO_DELETE"),
      undefined,
    );
  });

  it("reads every directive of a comment block", () => {
    const block = "// protogov:allow-breaking FIELD_REMOVED a\n// protogov:allow-breaking FIELD_NO_DELETE b";
    assert.equal(allowedByComment([block], "FIELD_NO_DELETE"), "b");
  });
});

describe("nameMatches", () => {
  it("matches text in the element's full name or in the message", () => {
    assert.ok(nameMatches("UserRef", "acme.users.v1.UserRef.display_name", ""));
    assert.ok(nameMatches("UserRef", undefined, 'field "2" on message "UserRef" was deleted'));
    assert.ok(!nameMatches("UserRef", "acme.users.v1.User.display_name", 'on message "User"'));
  });

  it("a trailing `*` is a prefix of the full name; no name matches everything", () => {
    assert.ok(nameMatches("acme.users.v1.*", "acme.users.v1.User.email", ""));
    assert.ok(!nameMatches("acme.users.v1.*", "acme.orders.v1.Order.id", ""));
    assert.ok(nameMatches(undefined, "anything", ""));
  });
});

/** `breaking` passes with buf's FIELD_NO_DELETE as its one finding, downgraded to a warning. */
async function onlyAcceptedFieldNoDelete(repo: Repo): Promise<JsonReport> {
  const { code, report } = await repo.json(["breaking"]);
  assert.equal(code, 0, JSON.stringify(report.findings));
  assert.deepEqual(
    report.findings.map((f) => `${f.rule} ${f.severity}`),
    ["FIELD_NO_DELETE warn"],
  );
  return report;
}

test("`protogov:allow-breaking *` above the message accepts buf's finding and the changelog entry alike", async (t) => {
  const repo = await gitRepo(t);
  await branch(repo, "wildcard");
  repo.edit(USERS, USER_REF_DISPLAY_NAME, "");
  repo.edit(USERS, "message UserRef {", "// protogov:allow-breaking * display names come from the users service now\nmessage UserRef {");
  await repo.commitAll("accepted removal");

  const report = await onlyAcceptedFieldNoDelete(repo);
  assert.match(report.findings[0]?.message ?? "", /\(accepted: display names come from the users service now\)$/);
  const change = onlyChange(await repo.changelog(), "FIELD_REMOVED");
  assert.deepEqual(change.accepted, { reason: "display names come from the users service now", via: "comment" });
});

test("a protogov.yaml entry with a short `name` marks the changelog entry as accepted, as it does buf's finding", async (t) => {
  const repo = await gitRepo(t);
  await branch(repo, "config-name");
  repo.write(
    "protogov.yaml",
    ["version: 1", "breaking:", "  accept:", "    - rule: '*'", "      name: UserRef", "      reason: agreed", ""].join("\n"),
  );
  repo.edit(USERS, USER_REF_DISPLAY_NAME, "");
  await repo.commitAll("accepted removal");

  const report = await onlyAcceptedFieldNoDelete(repo);
  assert.match(report.findings[0]?.message ?? "", /\(accepted: agreed \[protogov\.yaml\]\)$/);
  const change = onlyChange(await repo.changelog(), "FIELD_REMOVED");
  assert.deepEqual(change.accepted, { reason: "agreed", via: "config" });
});

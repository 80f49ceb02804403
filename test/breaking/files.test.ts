/**
 * Whole files on a branch: a detached HEAD, a deleted file, a deleted
 * package, a renamed file and a file moved to another package. buf names the
 * deleted file (FILE_NO_DELETE); the diff engine reports moves as
 * MESSAGE_MOVED within a package and as removal + addition across packages.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { test } from "node:test";
import { branch, changeList, gitRepo, type Repo, USER_ERRORS, USER_REF_DISPLAY_NAME, USERS } from "./support.js";

const MONEY = "acme/common/v1/money.proto";
const IMPORTERS = ["acme/orders/v1/orders.proto", "acme/payments/v1/payments.proto"];

function findingsOf(report: { findings: { file: string; rule: string; severity: string }[] }): string[] {
  return report.findings.map((f) => `${f.file} ${f.rule} ${f.severity}`);
}

/** Moves money.proto to `to` (with `git mv`) and points its importers at the new path. */
async function moveMoney(repo: Repo, to: string): Promise<void> {
  mkdirSync(dirname(repo.path(to)), { recursive: true });
  await repo.git("mv", MONEY, to);
  for (const file of IMPORTERS) repo.edit(file, `import "${MONEY}";`, `import "${to}";`);
}

test("a detached HEAD is compared with its merge-base with main; detached at main, with itself", async (t) => {
  const repo = await gitRepo(t);
  await branch(repo, "feature");
  repo.edit(USERS, USER_REF_DISPLAY_NAME, "");
  await repo.commitAll("drop a field");
  await repo.git("checkout", "--quiet", "--detach");
  assert.equal((await repo.git("symbolic-ref", "--quiet", "HEAD").catch(() => "detached")).trim(), "detached");

  const result = await repo.run(["breaking"]);
  assert.equal(result.code, 1, result.stdout + result.stderr);
  assert.match(result.stdout, /FIELD_NO_DELETE/);
  assert.match(result.stdout, /^API since main \(merge-base\), 1 file changed: 1 breaking change/m);

  await repo.git("checkout", "--quiet", "--detach", "main");
  const atMain = await repo.json(["breaking"]);
  assert.equal(atMain.code, 0, atMain.stderr);
  assert.deepEqual(atMain.report.findings, []);
  assert.equal((atMain.report as { api?: { incremental: boolean } }).api?.incremental, false);
});

test("a deleted file is FILE_NO_DELETE on that file, ERROR_REMOVED per error, FILE_REMOVED in the diff", async (t) => {
  const repo = await gitRepo(t);
  await branch(repo, "delete");
  await repo.git("rm", "--quiet", USER_ERRORS);
  await repo.commitAll("delete the users error catalog");

  const { code, report } = await repo.json(["breaking"]);
  assert.equal(code, 1);
  // buf names the file; protogov adds each error reason that consumers lose.
  assert.deepEqual(findingsOf(report), [`${USER_ERRORS} FILE_NO_DELETE error`, ...Array(5).fill(`${USER_ERRORS} ERROR_REMOVED error`)]);
  assert.match(report.findings[0]?.message ?? "", /Previously present file "acme\/users\/v1\/errors\.proto" was deleted/);

  const log = await repo.changelog();
  assert.equal(log.bump, "major");
  const removed = log.changes.filter((c) => c.rule === "FILE_REMOVED");
  assert.deepEqual(
    removed.map((c) => `${c.name} ${c.classification} ${c.old?.file}`),
    [`${USER_ERRORS} breaking ${USER_ERRORS}`],
  );

  // The buf finding has a file, so an accept entry scoped to that path matches it; the error
  // reasons are accepted by name.
  repo.write(
    "protogov.yaml",
    [
      "version: 1",
      "breaking:",
      "  accept:",
      "    - rule: FILE_NO_DELETE",
      `      path: ${USER_ERRORS}`,
      "      reason: moved to a shared catalog",
      "    - rule: ERROR_REMOVED",
      '      name: "users.acme.example/*"',
      "      reason: moved to a shared catalog",
      "",
    ].join("\n"),
  );
  const accepted = await repo.json(["breaking"]);
  assert.equal(accepted.code, 0, JSON.stringify(accepted.report.findings));
  assert.deepEqual(findingsOf(accepted.report), [
    `${USER_ERRORS} FILE_NO_DELETE warn`,
    ...Array(5).fill(`${USER_ERRORS} ERROR_REMOVED warn`),
  ]);
});

test("a deleted package (its whole directory) fails like a full run", async (t) => {
  const repo = await gitRepo(t);
  repo.write(
    "acme/legacy/v1/legacy.proto",
    'syntax = "proto3";\n\npackage acme.legacy.v1;\n\n// Old.\nmessage Old {\n  // Id.\n  string id = 1;\n}\n',
  );
  await repo.commitAll("a legacy package");
  await branch(repo, "drop-legacy");
  await repo.git("rm", "--quiet", "-r", "acme/legacy");
  await repo.commitAll("drop the legacy package");

  const incremental = await repo.json(["breaking"]);
  const full = await repo.json(["breaking", "--all"]);
  assert.deepEqual(findingsOf(full.report), ["acme/legacy/v1/legacy.proto FILE_NO_DELETE error"]);
  assert.equal(incremental.code, 1, JSON.stringify(incremental.report));
  assert.deepEqual(incremental.report.findings, full.report.findings);
});

test("a renamed file: buf reports the old file deleted, the diff reports its types moved", async (t) => {
  const repo = await gitRepo(t);
  await branch(repo, "rename");
  await moveMoney(repo, "acme/common/v1/amount.proto");
  await repo.commitAll("rename money.proto");
  assert.match(
    await repo.git("diff", "--name-status", "-M", "main"),
    /^R\d+\tacme\/common\/v1\/money\.proto\tacme\/common\/v1\/amount\.proto$/m,
  );

  const { code, report } = await repo.json(["breaking"]);
  assert.equal(code, 1);
  assert.deepEqual(findingsOf(report), [`${MONEY} FILE_NO_DELETE error`]);

  const log = await repo.changelog();
  assert.deepEqual(changeList(log.changes.filter((c) => c.classification !== "internal")), [
    `FILE_REMOVED breaking ${MONEY}`,
    "MESSAGE_MOVED breaking acme.common.v1.Money",
    "FILE_ADDED feature acme/common/v1/amount.proto",
  ]);
  const moved = log.changes.find((c) => c.rule === "MESSAGE_MOVED");
  assert.equal(moved?.old?.file, MONEY);
  assert.equal(moved?.new?.file, "acme/common/v1/amount.proto");
  // No type was removed or added: the move is the one message-level change.
  assert.ok(!log.changes.some((c) => c.rule === "MESSAGE_REMOVED" || c.rule === "MESSAGE_ADDED"), changeList(log.changes).join("\n"));
});

test("a file moved to another package: its types are removed and added, every reference changes type", async (t) => {
  const repo = await gitRepo(t);
  await branch(repo, "move-package");
  await moveMoney(repo, "acme/shared/v1/money.proto");
  repo.edit("acme/shared/v1/money.proto", "package acme.common.v1;", "package acme.shared.v1;");
  for (const file of IMPORTERS) repo.edit(file, /acme\.common\.v1\.Money/g, "acme.shared.v1.Money");
  await repo.commitAll("move Money to acme.shared.v1");

  const { code, report } = await repo.json(["breaking"]);
  assert.equal(code, 1);
  const rules = new Set(findingsOf(report));
  assert.ok(rules.has(`${MONEY} FILE_NO_DELETE error`), [...rules].join("\n"));
  assert.ok(rules.has("acme/orders/v1/orders.proto FIELD_SAME_TYPE error"), [...rules].join("\n"));
  assert.ok(rules.has("acme/payments/v1/payments.proto FIELD_SAME_TYPE error"), [...rules].join("\n"));

  const log = await repo.changelog();
  const byRule = (rule: string) => log.changes.filter((c) => c.rule === rule).map((c) => `${c.classification} ${c.name}`);
  assert.deepEqual(byRule("MESSAGE_REMOVED"), ["breaking acme.common.v1.Money"]);
  assert.deepEqual(byRule("MESSAGE_ADDED"), ["feature acme.shared.v1.Money"]);
  assert.deepEqual(byRule("PACKAGE_ADDED"), ["feature acme.shared.v1"]);
  assert.deepEqual(byRule("MESSAGE_MOVED"), []);
  const retyped = log.changes.filter((c) => c.rule === "FIELD_TYPE_CHANGED");
  assert.equal(retyped.length, report.findings.filter((f) => f.rule === "FIELD_SAME_TYPE").length);
  for (const c of retyped) assert.match(c.after ?? "", /acme\.shared\.v1\.Money/);
});

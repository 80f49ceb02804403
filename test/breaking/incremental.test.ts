/**
 * Incremental runs (changed files plus their directory siblings, the base
 * built from git objects for just those) must report on the changed files
 * exactly what a full run reports on them.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { JsonFinding, JsonReport } from "../support/run-cli.js";
import { branch, gitRepo, type Repo, USER_REF_DISPLAY_NAME, USERS } from "./support.js";

interface ApiPart {
  api?: { base: string; incremental: boolean; filesChanged?: number; bump: string; counts: Record<string, number> };
}

function on(file: string, report: JsonReport): JsonFinding[] {
  return report.findings.filter((f) => f.file === file);
}

/** A branch that changes users.proto alone: a break, a feature, lint findings and a format diff. */
async function oneFileBranch(t: Parameters<typeof gitRepo>[0]): Promise<Repo> {
  const repo = await gitRepo(t);
  await branch(repo, "feature");
  repo.edit(USERS, USER_REF_DISPLAY_NAME, "  string BadName = 3;\n");
  repo.edit(USERS, "  string user_id = 1;", "  string   user_id = 1;");
  await repo.commitAll("one file");
  return repo;
}

test("check: findings on the changed file are the same incrementally and with --all", async (t) => {
  const repo = await oneFileBranch(t);
  const incremental = await repo.json(["check"]);
  const full = await repo.json(["check", "--all"]);
  assert.equal(incremental.code, 1, incremental.stderr);
  assert.equal(full.code, 1, full.stderr);

  const changed = on(USERS, incremental.report);
  assert.deepEqual(changed, on(USERS, full.report));
  // The comparison means something: each engine reported on the file.
  const sources = new Set(changed.map((f) => (f as JsonFinding & { source: string }).source));
  assert.deepEqual([...sources].sort(), ["buf-breaking", "buf-format", "buf-lint"]);
  assert.ok(changed.some((f) => f.rule === "FIELD_NO_DELETE"));
  assert.ok(changed.some((f) => f.rule === "FIELD_LOWER_SNAKE_CASE"));

  // Outside the changed package nothing is reported incrementally.
  assert.deepEqual(
    incremental.report.findings.filter((f) => !f.file.startsWith("acme/users/v1/")),
    [],
  );
  const api = (incremental.report as JsonReport & ApiPart).api;
  assert.equal(api?.incremental, true);
  assert.equal(api?.filesChanged, 1);
  const fullApi = (full.report as JsonReport & ApiPart).api;
  assert.equal(fullApi?.incremental, false);
  assert.deepEqual(api?.counts, fullApi?.counts);
  assert.equal(api?.bump, "major");
});

test("breaking and diff: incremental equals full", async (t) => {
  const repo = await oneFileBranch(t);
  const incremental = await repo.json(["breaking"]);
  const full = await repo.json(["breaking", "--all"]);
  assert.deepEqual(incremental.report.findings, full.report.findings);
  assert.deepEqual(await repo.changelog(), await repo.changelog(["--all"]));
});

test("a change in a package other packages import: its findings are the same incrementally and with --all", async (t) => {
  const repo = await gitRepo(t);
  await branch(repo, "money");
  // Money.units changes type: buf's FIELD_SAME_TYPE on money.proto, whose importers are outside the scope.
  repo.edit("acme/common/v1/money.proto", "int64 units = 2;", "int32 units = 2;");
  await repo.commitAll("narrow units");
  const incremental = await repo.json(["check"]);
  const full = await repo.json(["check", "--all"]);
  const file = "acme/common/v1/money.proto";
  assert.ok(
    on(file, full.report).some((f) => f.rule === "FIELD_SAME_TYPE"),
    JSON.stringify(full.report.findings),
  );
  assert.deepEqual(on(file, incremental.report), on(file, full.report));
});

test("a second incremental run reuses nothing stale: the base cache follows the base commit", async (t) => {
  const repo = await oneFileBranch(t);
  const first = await repo.json(["breaking", "--all"]);
  // main moves: the merge-base stays, the cached base image must still be the merge-base's.
  await repo.git("checkout", "--quiet", "main");
  repo.edit(USERS, USER_REF_DISPLAY_NAME, "");
  await repo.commitAll("main drops the field too");
  await repo.git("checkout", "--quiet", "feature");
  const second = await repo.json(["breaking", "--all"]);
  assert.deepEqual(second.report.findings, first.report.findings);
  const againstTip = await repo.json(["breaking", "--all", "--against", "main"]);
  assert.ok(!againstTip.report.findings.some((f) => f.rule === "FIELD_NO_DELETE"), JSON.stringify(againstTip.report.findings));
});

/**
 * `breaking --against-releases`: a repository with three tagged releases where
 * a field was removed after the oldest. Against the base branch the change is
 * clean; against the releases, only v1.0.0 (which still had the field) breaks.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { diffFixtures } from "../diff/support.js";
import { branch, breakingFixtures, gitRepo, type Repo } from "./support.js";

const LIBRARY = "acme/library/v1/library.proto";
const DEPS = ["google/api/field_behavior.proto", "google/api/resource.proto"];

/** Commits (or, with `amend`, re-dates the last commit) at a fixed author and committer date. */
async function commitOn(repo: Repo, day: string, message: string, amend = false): Promise<void> {
  process.env["GIT_COMMITTER_DATE"] = `${day}T12:00:00Z`;
  process.env["GIT_AUTHOR_DATE"] = `${day}T12:00:00Z`;
  try {
    if (amend)
      await repo.git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "--amend", "--no-edit", "--reset-author");
    else await repo.commitAll(message);
  } finally {
    delete process.env["GIT_COMMITTER_DATE"];
    delete process.env["GIT_AUTHOR_DATE"];
  }
}

/** v1.0.0 (2026-01-01) has Book.title; v1.1.0 (2026-03-01) removed it; v1.2.0 (2026-05-01) adds a field; then a feature branch. */
async function threeReleases(t: Parameters<typeof gitRepo>[0]): Promise<Repo> {
  const extra = Object.fromEntries(DEPS.map((d) => [d, join(diffFixtures, "_deps", d)]));
  const repo = await gitRepo(t, join(breakingFixtures, "api-shape"), extra);
  await commitOn(repo, "2026-01-01", "release 1.0", true);
  await repo.git("tag", "v1.0.0");
  repo.edit(LIBRARY, "  string title = 2;\n", "  reserved 2;\n");
  await commitOn(repo, "2026-03-01", "remove title");
  await repo.git("tag", "v1.1.0");
  repo.edit(LIBRARY, "  string create_time = 3;\n", "  string create_time = 3;\n  string isbn = 4;\n");
  await commitOn(repo, "2026-05-01", "add isbn");
  await repo.git("tag", "v1.2.0");
  await branch(repo, "feature");
  repo.edit(LIBRARY, "  string isbn = 4;\n", "  string isbn = 4;\n  string publisher = 5;\n");
  await commitOn(repo, "2026-06-01", "add publisher");
  return repo;
}

test("the field removed after the oldest release is a finding against that release only", async (t) => {
  const repo = await threeReleases(t);
  const base = await repo.json(["breaking", "--against", "main"]);
  assert.equal(base.code, 0);
  assert.deepEqual(base.report.findings, []);

  const all = await repo.json(["breaking", "--against-releases", "v*"]);
  assert.equal(all.code, 1, all.stderr);
  assert.deepEqual(
    all.report.findings.map((f) => `${f.file} ${f.rule} ${f.message}`),
    [`${LIBRARY} FIELD_NO_DELETE Previously present field "2" with name "title" on message "Book" was deleted. (against release v1.0.0)`],
  );
});

test("--keep and --since narrow the releases to those still in support", async (t) => {
  const repo = await threeReleases(t);
  const kept = await repo.json(["breaking", "--against-releases", "v*", "--keep", "2"]);
  assert.equal(kept.code, 0, kept.stderr);
  assert.deepEqual(kept.report.findings, []);
  const recent = await repo.json(["breaking", "--against-releases", "v*", "--since", "2026-02-01"]);
  assert.equal(recent.code, 0, recent.stderr);
  const none = await repo.run(["breaking", "--against-releases", "release-*"]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no release tag matches release-\*/);
  const bad = await repo.run(["breaking", "--against-releases", "v*", "--keep", "zero"]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--keep zero is not a positive number/);
});

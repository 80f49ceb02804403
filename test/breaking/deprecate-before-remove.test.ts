/**
 * The deprecate-before-remove policy in a real repository with dated commits
 * and release tags: the removal of a field is checked against what the tagged
 * releases said about it (compiled from the tags, not read from text).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { diffFixtures } from "../diff/support.js";
import { breakingFixtures, gitRepo, type Repo } from "./support.js";

const LIBRARY = "acme/library/v1/library.proto";
const DEPS = ["google/api/field_behavior.proto", "google/api/resource.proto"];
const POLICY = 'version: 1\nbreaking:\n  deprecate_before_remove:\n    days: 30\n    tags: "v*"\n';

/** Commits with a fixed author and committer date, as a release history would have them. */
async function commitOn(repo: Repo, day: string, message: string): Promise<void> {
  process.env["GIT_AUTHOR_DATE"] = `${day}T12:00:00Z`;
  process.env["GIT_COMMITTER_DATE"] = `${day}T12:00:00Z`;
  try {
    await repo.commitAll(message);
  } finally {
    delete process.env["GIT_AUTHOR_DATE"];
    delete process.env["GIT_COMMITTER_DATE"];
  }
}

/** main: v1.0.0 on 2026-01-01 with Book.title; v1.1.0 on 2026-02-01 with title deprecated when `deprecate`. */
async function history(t: Parameters<typeof gitRepo>[0], deprecate: boolean): Promise<Repo> {
  const extra = Object.fromEntries(DEPS.map((d) => [d, join(diffFixtures, "_deps", d)]));
  const repo = await gitRepo(t, join(breakingFixtures, "api-shape"), extra);
  repo.write("protogov.yaml", POLICY);
  await commitOn(repo, "2026-01-01", "release 1.0");
  await repo.git("tag", "v1.0.0");
  repo.edit(LIBRARY, "  string create_time = 3;\n", "  string create_time = 3;\n  string subtitle = 4;\n");
  if (deprecate) repo.edit(LIBRARY, "string title = 2;", "string title = 2 [deprecated = true];");
  await commitOn(repo, "2026-02-01", "release 1.1");
  await repo.git("-c", "user.name=t", "-c", "user.email=t@example.com", "tag", "-a", "v1.1.0", "-m", "1.1.0");
  return repo;
}

async function removeTitle(repo: Repo, day: string): Promise<string[]> {
  await repo.git("checkout", "--quiet", "-b", `remove-${day}`);
  repo.edit(LIBRARY, / {2}string title = 2( \[deprecated = true\])?;\n/, "  reserved 2;\n");
  await commitOn(repo, day, "remove title");
  const { report } = await repo.json(["breaking", "--against", "main"]);
  return report.findings.filter((f) => f.rule === "DEPRECATE_BEFORE_REMOVE").map((f) => `${f.file}:${f.line} ${f.message}`);
}

test("a field never deprecated in a release cannot be removed", async (t) => {
  const repo = await history(t, false);
  assert.deepEqual(await removeTitle(repo, "2026-06-01"), [
    `${LIBRARY}:19 An existing field \`title\` is removed from message \`acme.library.v1.Book\`, but it was never marked deprecated in a release (tags v*).`,
  ]);
});

test("deprecated in v1.1.0 but removed 9 days later: too early for a 30-day policy", async (t) => {
  const repo = await history(t, true);
  assert.deepEqual(await removeTitle(repo, "2026-02-10"), [
    `${LIBRARY}:19 An existing field \`title\` is removed from message \`acme.library.v1.Book\`, but it was first marked deprecated in v1.1.0 (2026-02-01), 9 days before this commit; the policy asks for 30.`,
  ]);
});

test("deprecated in v1.1.0 and removed two months later: allowed", async (t) => {
  const repo = await history(t, true);
  assert.deepEqual(await removeTitle(repo, "2026-04-01"), []);
  const { code, report } = await repo.json(["breaking", "--against", "main"]);
  // the removal is still a break (buf's FIELD_NO_DELETE); the policy only adds its own finding
  assert.equal(code, 1);
  assert.ok(report.findings.some((f) => f.rule === "FIELD_NO_DELETE"));
});

test("a DEPRECATE_BEFORE_REMOVE finding can be accepted in protogov.yaml like any breaking rule", async (t) => {
  const repo = await history(t, false);
  await repo.git("checkout", "--quiet", "-b", "accepted");
  repo.write(
    "protogov.yaml",
    `${POLICY}  accept:\n    - rule: DEPRECATE_BEFORE_REMOVE\n      name: title\n      reason: title was never served\n    - rule: FIELD_NO_DELETE\n      reason: title was never served\n`,
  );
  repo.edit(LIBRARY, "  string title = 2;\n", "  reserved 2;\n");
  await commitOn(repo, "2026-06-01", "remove title");
  const { code, report } = await repo.json(["breaking", "--against", "main"]);
  assert.equal(code, 0);
  assert.deepEqual(
    report.findings.filter((f) => f.rule === "DEPRECATE_BEFORE_REMOVE").map((f) => f.severity),
    ["warn"],
  );
});

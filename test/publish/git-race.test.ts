/**
 * Publishes racing on one git remote. Two worktrees of one API repository
 * publish concurrently; nothing is ever force-pushed:
 * - sibling commits (say, two release branches): the loser's push is
 *   rejected, it rebuilds on the new tip with the version computed against
 *   the winner's release, and both releases end up in the remote's history;
 * - an older commit racing a newer one: if the newer wins, the older fails
 *   cleanly instead of going on top; if the older wins, both are published.
 */
import assert from "node:assert/strict";
import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { runPublish } from "../../core/features/publish/run-publish.js";
import { addField, bareRemote, EXAMPLES, git, tempDir } from "./api-project.js";

/** An API repository publishing python stubs to `remote`, with v1.0.0 already out; and a second worktree. */
async function released(remote: string): Promise<{ a: string; b: string }> {
  const a = tempDir("protogov-race-");
  cpSync(join(EXAMPLES, "acme"), join(a, "acme"), { recursive: true });
  writeFileSync(
    join(a, "protogov.yaml"),
    `version: 1\ntargets:\n  - name: python\n    language: python\n    version: { initial: 1.0.0 }\n    plugins:\n      - name: python\n    publish:\n      git: { url: "${remote}", branch: main, directory: gen/python }\n`,
  );
  git(a, "init", "--quiet", "--initial-branch=main");
  git(a, "add", "-A");
  git(a, "commit", "--quiet", "-m", "API");
  const first = await runPublish({ cwd: a, names: [], dryRun: false });
  assert.equal(first.entries[0]?.status, "published");
  const b = join(tempDir("protogov-race-b-"), "b");
  git(a, "worktree", "add", "--quiet", "-b", "other", b);
  return { a, b };
}

const race = (a: string, b: string) =>
  Promise.all([runPublish({ cwd: a, names: [], dryRun: false }), runPublish({ cwd: b, names: [], dryRun: false })]).then((rs) =>
    rs.map((r) => r.entries[0]),
  );

describe("concurrent git publishes", () => {
  it("sibling commits: both releases end up in history, the loser rebuilt on the new tip", async () => {
    const remote = bareRemote();
    const { a, b } = await released(remote);
    addField(a, "nickname", 90);
    addField(b, "pronouns", 92);
    const entries = await race(a, b);
    assert.deepEqual(
      entries.map((e) => e?.status),
      ["published", "published"],
      entries.map((e) => e?.detail).join("\n"),
    );
    const log = git(remote, "log", "--format=%B", "main");
    assert.match(log, /nickname/);
    assert.match(log, /pronouns/);
    // The loser's version is computed against the winner's release: its API lacks the winner's
    // field, so on top of it that is a removal, a breaking change.
    assert.deepEqual(git(remote, "tag", "--list").split("\n"), ["v1.0.0", "v1.1.0", "v2.0.0"]);
    assert.ok(
      entries.some((e) => /after 2 attempts/.test(e?.detail ?? "")),
      entries.map((e) => e?.detail).join("\n"),
    );
    assert.equal(git(remote, "rev-list", "--count", "main"), "3");
  });

  it("an older commit racing a newer one is published first or fails cleanly, never on top", async () => {
    const remote = bareRemote();
    const { a, b } = await released(remote);
    const older = addField(a, "nickname", 90);
    git(b, "reset", "--quiet", "--hard", older);
    addField(b, "pronouns", 92);
    const entries = await race(a, b);
    const [olderEntry, newerEntry] = entries;
    assert.equal(newerEntry?.status, "published", newerEntry?.detail);
    if (olderEntry?.status === "failed") {
      assert.match(olderEntry.detail, /newer than this commit/);
      assert.equal(git(remote, "rev-list", "--count", "main"), "2");
    } else {
      assert.equal(olderEntry?.status, "published", olderEntry?.detail);
      assert.equal(git(remote, "rev-list", "--count", "main"), "3");
    }
    // The tip holds the newest API either way.
    assert.match(git(remote, "log", "-1", "--format=%B", "main"), /pronouns/);
  });
});

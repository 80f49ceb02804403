/**
 * Two publishes racing on one git remote, from two API commits that both
 * build on the same last release: both commits end up in the remote's
 * history (the loser rebuilds on the new tip with the next version), or the
 * loser fails cleanly; nothing is force-pushed.
 */
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { runPublish } from "../../core/publish/run-publish.js";
import { addField, bareRemote, EXAMPLES, git } from "./api-project.js";

function pythonProject(remote: string): string {
  const dir = mkdtempSync(join(tmpdir(), "protogov-race-"));
  cpSync(join(EXAMPLES, "acme"), join(dir, "acme"), { recursive: true });
  writeFileSync(
    join(dir, "protogov.yaml"),
    `version: 1\ntargets:\n  - name: python\n    language: python\n    version: { initial: 1.0.0 }\n    plugins:\n      - name: python\n    publish:\n      git: { url: "${remote}", branch: main, directory: gen/python }\n`,
  );
  git(dir, "init", "--quiet", "--initial-branch=main");
  git(dir, "add", "-A");
  git(dir, "commit", "--quiet", "-m", "API");
  return dir;
}

describe("concurrent git publishes", () => {
  it("both releases end up in history, or the loser fails cleanly", async () => {
    const remote = bareRemote();
    const a = pythonProject(remote);
    const first = await runPublish({ cwd: a, names: [], dryRun: false });
    assert.equal(first.entries[0]?.status, "published");
    // A second checkout with the same history, then two different features.
    const b = mkdtempSync(join(tmpdir(), "protogov-race-b-"));
    cpSync(a, b, { recursive: true });
    addField(a, "nickname", 90);
    addField(b, "pronouns", 92);
    const results = await Promise.allSettled([
      runPublish({ cwd: a, names: [], dryRun: false }),
      runPublish({ cwd: b, names: [], dryRun: false }),
    ]);
    const log = git(remote, "log", "--format=%B", "main");
    const statuses = results.map((r) => (r.status === "fulfilled" ? r.value.entries[0]?.status : "rejected"));
    const published = statuses.filter((s) => s === "published").length;
    assert.ok(published >= 1, JSON.stringify(statuses));
    if (published === 2) {
      assert.match(log, /nickname/);
      assert.match(log, /pronouns/);
      assert.deepEqual(git(remote, "tag", "--list").split("\n"), ["v1.0.0", "v1.1.0", "v1.2.0"]);
    } else {
      const loser = results.find((r) => r.status === "fulfilled" && r.value.entries[0]?.status === "failed");
      assert.ok(loser, `the loser failed cleanly: ${JSON.stringify(statuses)}`);
      assert.equal(git(remote, "tag", "--list").split("\n").length, 2);
    }
    assert.equal(Number(git(remote, "rev-list", "--count", "main")), 1 + published);
  });
});

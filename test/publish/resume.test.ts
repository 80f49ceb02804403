/**
 * A target published to npm and to git whose git push is refused (a
 * pre-receive hook: not a moved remote, so it is not retried): the report
 * says the npm release is out and the git push failed; once the remote
 * accepts pushes, the next run completes the release, tagging the version
 * npm already has, and publishes nothing twice.
 */
import assert from "node:assert/strict";
import { chmodSync, cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { renderPublishReport } from "../../core/features/publish/publish-report.js";
import { runPublish } from "../../core/features/publish/run-publish.js";
import { bareRemote, EXAMPLES, git, tempDir } from "./api-project.js";
import { type Registry, startVerdaccio } from "./verdaccio.js";

let registry: Registry;
before(async () => {
  registry = await startVerdaccio();
  process.env["RESUME_NPM_TOKEN"] = registry.token;
});
after(async () => registry?.stop());

describe("resuming a release", () => {
  it("a refused git push is reported after the npm release, and the next run completes it", async () => {
    const remote = bareRemote();
    const hook = join(remote, "hooks", "pre-receive");
    writeFileSync(hook, "#!/bin/sh\necho 'pushes are frozen' >&2\nexit 1\n");
    chmodSync(hook, 0o755);
    const api = tempDir("protogov-resume-");
    cpSync(join(EXAMPLES, "acme"), join(api, "acme"), { recursive: true });
    writeFileSync(
      join(api, "protogov.yaml"),
      `version: 1\ntargets:\n  - name: ts\n    language: typescript\n    package: { name: "@acme/resume" }\n    plugins: [{ name: es }]\n    publish:\n      npm: { registry: "${registry.url}", token_env: RESUME_NPM_TOKEN }\n      git: { url: "${remote}", branch: main, directory: npm }\n`,
    );
    git(api, "init", "--quiet", "--initial-branch=main");
    git(api, "add", "-A");
    git(api, "commit", "--quiet", "-m", "API");

    const first = await runPublish({ cwd: api, names: [], dryRun: false });
    const entry = first.entries[0];
    assert.equal(entry?.status, "failed", renderPublishReport(first));
    assert.match(entry?.detail ?? "", /pushes are frozen/);
    assert.match(renderPublishReport(first), /FAILED: .*pushes are frozen/);
    const versions = async () =>
      Object.keys(((await (await fetch(`${registry.url}@acme%2fresume`)).json()) as { versions: object }).versions);
    assert.deepEqual(await versions(), ["0.1.0"], "npm went first and is out");
    assert.equal(git(remote, "tag", "--list"), "");

    rmSync(hook);
    const second = await runPublish({ cwd: api, names: [], dryRun: false });
    assert.equal(second.entries[0]?.status, "published", renderPublishReport(second));
    assert.match(second.entries[0]?.detail ?? "", /tag v0\.1\.0/);
    assert.deepEqual(await versions(), ["0.1.0"]);
    assert.equal(git(remote, "tag", "--list"), "v0.1.0");
    assert.match(git(remote, "show", "main:npm/package.json"), /"version": "0\.1\.0"/);

    const third = await runPublish({ cwd: api, names: [], dryRun: false });
    assert.equal(third.entries[0]?.status, "unchanged", renderPublishReport(third));

    // A feature in 0.x is released as a patch, and the report says so rather than "(minor)".
    const users = join(api, "acme/users/v1/users.proto");
    writeFileSync(
      users,
      `${readFileSync(users, "utf8")}\n// A note attached to a user.\nmessage UserNote {\n  // The text.\n  string text = 1;\n}\n`,
    );
    git(api, "commit", "--quiet", "-am", "feature");
    const dry = renderPublishReport(await runPublish({ cwd: api, names: [], dryRun: true }));
    assert.match(dry, /ts: 0\.1\.0 → 0\.1\.1 \(patch: a minor API change, released as patch in 0\.x\)/, dry);
  });
});

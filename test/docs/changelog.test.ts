/**
 * `protogov docs --against REF`: the site gets a changelog page from the API
 * diff. A temporary git repository holds proto-examples on main and a change
 * on a branch; the real CLI builds the site on the branch.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { examplesDir } from "../support/paths.js";
import { runCli } from "../support/run-cli.js";

const USERS = join("acme", "users", "v1", "users.proto");

function git(dir: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" },
  }).trim();
}

describe("protogov docs --against", () => {
  let dir = "";
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "protogov-docs-changelog-"));
    cpSync(join(examplesDir, "acme"), join(dir, "acme"), { recursive: true });
    git(dir, "init", "--quiet", "--initial-branch=main");
    git(dir, "add", "-A");
    git(dir, "commit", "--quiet", "-m", "API");
    git(dir, "checkout", "--quiet", "-b", "feature");
    const path = join(dir, USERS);
    const text = readFileSync(path, "utf8");
    assert.ok(text.includes("message User {\n"));
    writeFileSync(
      path,
      text.replace("message User {\n", "message User {\n  // What the user likes to be called.\n  string nickname = 90;\n\n"),
    );
    git(dir, "commit", "--quiet", "-am", "add User.nickname");
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("adds a changelog page listing the change and the bump, linked from every page", async () => {
    const run = await runCli(["docs", "--against", "main", "--out", "site"], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    const page = readFileSync(join(dir, "site", "changelog.html"), "utf8");
    assert.match(page, /Changes since <code>main<\/code>: 1 change\(s\), 0 breaking\./);
    assert.match(page, /Version bump: <span class="badge bump minor">minor<\/span>/);
    assert.match(page, /<h2>acme\.users\.v1<\/h2>/);
    assert.match(page, /<span class="badge added">added<\/span>/);
    assert.match(
      page,
      /<a href="acme\.users\.v1\.html#acme\.users\.v1\.User\.nickname"><code>acme\.users\.v1\.User\.nickname<\/code><\/a>/,
    );
    for (const name of ["index.html", "acme.users.v1.html"]) {
      assert.match(readFileSync(join(dir, "site", name), "utf8"), /<a href="changelog\.html">Changelog<\/a>/, name);
    }
  });

  it("builds no changelog page without --against", async () => {
    const run = await runCli(["docs", "--out", "plain"], { cwd: dir });
    assert.equal(run.code, 0, run.stderr);
    assert.ok(existsSync(join(dir, "plain", "index.html")));
    assert.ok(!existsSync(join(dir, "plain", "changelog.html")));
    assert.doesNotMatch(readFileSync(join(dir, "plain", "index.html"), "utf8"), /changelog\.html/);
  });

  it("refuses --against for Markdown and JSON output", async () => {
    const run = await runCli(["docs", "--against", "main", "--docs-format", "markdown", "--out", "md"], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--against adds a changelog page to the HTML site/);
  });
});

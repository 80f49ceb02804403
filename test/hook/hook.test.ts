/**
 * The pre-commit hook on real git repositories: it checks what is staged (not
 * the work tree), never touches unstaged edits or untracked files, chains to
 * an existing hook, respects core.hooksPath, and uninstalls cleanly.
 */
import assert from "node:assert/strict";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { cliBin } from "../support/paths.js";
import { cleanProto } from "../support/temp-project.js";
import { cleanEnv, run, tempRepo } from "./git-repo.js";

const FILE = "acme/x/v1/thing.proto";
const CLEAN = cleanProto("acme.x.v1", "Thing");
/** A lint error: buf's FIELD_LOWER_SNAKE_CASE. */
const LINT_ERROR = CLEAN.replace("string id = 1;", "string userID = 1;");
/** Compiles and lints clean, but is not formatted. */
const UNFORMATTED = CLEAN.replace("  string id = 1;", "      string   id = 1;");
/** Does not even parse. */
const BROKEN = `${CLEAN}\nmessage {{{\n`;

async function repoWithHook(t: import("node:test").TestContext) {
  const repo = await tempRepo(t, { [FILE]: CLEAN, "README.md": "readme\n" });
  const installed = await repo.protogov("hook", "install");
  assert.equal(installed.code, 0, installed.stderr);
  return repo;
}

describe("protogov hook: checks what is staged", () => {
  it("refuses a commit whose staged file has a lint error", async (t) => {
    const repo = await repoWithHook(t);
    const before = await repo.head();
    repo.write(FILE, LINT_ERROR);
    await repo.git("add", FILE);
    const commit = await repo.commit("bad field name");
    assert.notEqual(commit.code, 0, "the commit must be refused");
    assert.equal(await repo.head(), before);
    const output = commit.stdout + commit.stderr;
    assert.match(output, /acme\/x\/v1\/thing\.proto/);
    assert.match(output, /FIELD_LOWER_SNAKE_CASE/);
    assert.match(output, /commit blocked/);
    assert.match(output, /userID = 1/, "source context shows the staged line");
  });

  it("still refuses when the fix exists only in the work tree, and leaves the fix alone", async (t) => {
    const repo = await repoWithHook(t);
    const before = await repo.head();
    repo.write(FILE, LINT_ERROR);
    await repo.git("add", FILE);
    repo.write(FILE, CLEAN);
    const commit = await repo.commit("fixed only in the work tree");
    assert.notEqual(commit.code, 0);
    assert.equal(await repo.head(), before);
    assert.match(commit.stdout + commit.stderr, /FIELD_LOWER_SNAKE_CASE/);
    assert.equal(repo.read(FILE), CLEAN);
    assert.equal(await repo.staged(FILE), LINT_ERROR);
  });

  it("accepts a clean staged file with a broken unstaged edit, which stays byte for byte", async (t) => {
    const repo = await repoWithHook(t);
    const staged = CLEAN.replace("// The id.", "// The id of the thing.");
    repo.write(FILE, staged);
    await repo.git("add", FILE);
    // Odd bytes on purpose: CRLF, no final newline, a tab and non-ASCII text.
    const unstaged = `${BROKEN}\r\n\tstring  Ünïcode = 2;`;
    repo.write(FILE, unstaged);
    repo.write("acme/x/v1/untracked.proto", BROKEN);
    const commit = await repo.commit("clean staged content");
    assert.equal(commit.code, 0, commit.stdout + commit.stderr);
    assert.equal(await repo.staged(FILE), staged, "the committed content is the staged one");
    assert.equal(readFileSync(repo.path(FILE), "latin1"), Buffer.from(unstaged).toString("latin1"));
    assert.equal(repo.read("acme/x/v1/untracked.proto"), BROKEN);
    const status = await repo.git("status", "--porcelain");
    assert.equal(status.stdout, ` M ${FILE}\n?? acme/x/v1/untracked.proto\n`);
  });

  it("refuses a staged file that is not formatted and names the staged formatter", async (t) => {
    const repo = await repoWithHook(t);
    repo.write(FILE, UNFORMATTED);
    await repo.git("add", FILE);
    const commit = await repo.commit("unformatted");
    assert.notEqual(commit.code, 0);
    assert.match(commit.stdout + commit.stderr, /FORMAT/);
    assert.match(commit.stdout + commit.stderr, /protogov format --write --staged/);
  });

  it("checks the temporary index of `git commit -a`", async (t) => {
    const repo = await repoWithHook(t);
    const before = await repo.head();
    repo.write(FILE, LINT_ERROR);
    const commit = await repo.commit("commit -a", "-a");
    assert.notEqual(commit.code, 0);
    assert.equal(await repo.head(), before);
    assert.match(commit.stdout + commit.stderr, /FIELD_LOWER_SNAKE_CASE/);
  });

  it("says nothing and exits 0 when no .proto file is staged", async (t) => {
    const repo = await repoWithHook(t);
    repo.write("README.md", "changed\n");
    repo.write(FILE, LINT_ERROR); // not staged: none of the hook's business
    await repo.git("add", "README.md");
    const run = await repo.protogov("hook", "run");
    assert.deepEqual(run, { code: 0, stdout: "", stderr: "" });
    const commit = await repo.commit("docs only");
    assert.equal(commit.code, 0, commit.stderr);
  });

  it("answers a second run on the same staged content from the result cache, and re-checks an edit", async (t) => {
    const repo = await repoWithHook(t);
    const cache = mkdtempSync(join(tmpdir(), "protogov-hook-cache-"));
    t.after(() => rmSync(cache, { recursive: true, force: true }));
    const env = cleanEnv({ PROTOGOV_CACHE_DIR: cache, PROTOGOV_CACHE_REPORT: "1" });
    const hookRun = () => run(process.execPath, [cliBin, "hook", "run"], repo.dir, env);
    repo.write(FILE, LINT_ERROR);
    await repo.git("add", FILE);
    const first = await hookRun();
    // Each run checks a copy in a new temporary directory: the cache key must not depend on it.
    const second = await hookRun();
    assert.match(first.stderr, /result cache: full run/);
    assert.match(second.stderr, /result cache: hit/);
    assert.equal(second.code, 1);
    assert.equal(second.stdout, first.stdout);
    repo.write(FILE, CLEAN);
    await repo.git("add", FILE);
    const fixed = await hookRun();
    assert.doesNotMatch(fixed.stderr, /result cache: hit/);
    assert.equal(fixed.code, 0, fixed.stderr);
  });

  it("checks a file staged in the first commit of a repository", async (t) => {
    const repo = await tempRepo(t);
    assert.equal((await repo.protogov("hook", "install")).code, 0);
    repo.write(FILE, LINT_ERROR);
    await repo.git("add", FILE);
    const commit = await repo.commit("root commit");
    assert.notEqual(commit.code, 0);
    assert.match(commit.stdout + commit.stderr, /FIELD_LOWER_SNAKE_CASE/);
  });
});

describe("protogov hook: projects below the repository root", () => {
  const IMPORTER = `syntax = "proto3";\n\npackage acme.y.v1;\n\nimport "acme/x/v1/thing.proto";\n\n// A holder.\nmessage Holder {\n  // The thing.\n  acme.x.v1.Thing thing = 1;\n}\n`;

  it("checks each staged file in the project found from its own directory, with imports resolved there", async (t) => {
    const repo = await tempRepo(t, {
      "api/buf.yaml": "version: v2\n",
      [`api/${FILE}`]: CLEAN,
      "api/acme/y/v1/holder.proto": IMPORTER,
      "tools/protogov.yaml": "",
      "tools/acme/z/v1/thing.proto": cleanProto("acme.z.v1", "Tool"),
    });
    assert.equal((await repo.protogov("hook", "install")).code, 0);
    repo.write("api/acme/y/v1/holder.proto", IMPORTER.replace("thing = 1;", "thing = 1;\n  // Bad.\n  string badName_x = 2;"));
    repo.write("tools/acme/z/v1/thing.proto", cleanProto("acme.z.v1", "Tool").replace("string id = 1;", "string toolID = 1;"));
    await repo.git("add", ".");
    const commit = await repo.commit("two projects");
    assert.notEqual(commit.code, 0);
    const output = commit.stdout + commit.stderr;
    assert.doesNotMatch(output, /COMPILE/, "imports resolve against the api project's root");
    assert.match(output, /api\/acme\/y\/v1\/holder\.proto\n.*FIELD_LOWER_SNAKE_CASE/);
    assert.match(output, /tools\/acme\/z\/v1\/thing\.proto\n.*FIELD_LOWER_SNAKE_CASE/);
    assert.match(output, /these 2 files/);
  });
});

describe("protogov hook: install and uninstall", () => {
  const EXISTING = '#!/bin/sh\n# my own hook\necho ran >> "$(git rev-parse --git-dir)/existing-hook-ran"\nexit 0\n';

  it("chains to an existing hook, which still runs, and uninstall restores it byte for byte", async (t) => {
    const repo = await tempRepo(t, { [FILE]: CLEAN });
    repo.write(".git/hooks/pre-commit", EXISTING);
    chmodSync(repo.path(".git/hooks/pre-commit"), 0o750);

    const install = await repo.protogov("hook", "install");
    assert.equal(install.code, 0, install.stderr);
    assert.match(install.stderr, /moved to .*pre-commit\.protogov-chained/);
    assert.equal(repo.read(".git/hooks/pre-commit.protogov-chained"), EXISTING);
    // Installing twice changes nothing.
    const ours = repo.read(".git/hooks/pre-commit");
    assert.equal((await repo.protogov("hook", "install")).code, 0);
    assert.equal(repo.read(".git/hooks/pre-commit"), ours);
    assert.equal(repo.read(".git/hooks/pre-commit.protogov-chained"), EXISTING);

    repo.write(FILE, CLEAN.replace("// The id.", "// The thing's id."));
    await repo.git("add", FILE);
    const commit = await repo.commit("runs both hooks");
    assert.equal(commit.code, 0, commit.stderr);
    assert.equal(repo.read(".git/existing-hook-ran"), "ran\n");

    // Our check still blocks when the chained hook passes.
    repo.write(FILE, LINT_ERROR);
    await repo.git("add", FILE);
    assert.notEqual((await repo.commit("bad")).code, 0);
    assert.equal(repo.read(".git/existing-hook-ran"), "ran\nran\n");

    const uninstall = await repo.protogov("hook", "uninstall");
    assert.equal(uninstall.code, 0, uninstall.stderr);
    assert.match(uninstall.stderr, /restored/);
    assert.equal(repo.read(".git/hooks/pre-commit"), EXISTING);
    assert.equal(repo.mode(".git/hooks/pre-commit"), 0o750);
    assert.equal(existsSync(repo.path(".git/hooks/pre-commit.protogov-chained")), false);
    // Without our hook, the lint error goes through.
    assert.equal((await repo.commit("unchecked")).code, 0);
  });

  it("a failing existing hook still blocks the commit", async (t) => {
    const repo = await tempRepo(t, { [FILE]: CLEAN });
    repo.write(".git/hooks/pre-commit", "#!/bin/sh\necho 'existing hook says no' >&2\nexit 3\n");
    chmodSync(repo.path(".git/hooks/pre-commit"), 0o755);
    assert.equal((await repo.protogov("hook", "install")).code, 0);
    repo.write(FILE, CLEAN.replace("// The id.", "// Another id comment."));
    await repo.git("add", FILE);
    const commit = await repo.commit("blocked by the other hook");
    assert.notEqual(commit.code, 0);
    assert.match(commit.stderr, /existing hook says no/);
  });

  it("uninstall without a previous hook removes ours, and leaves a foreign hook alone", async (t) => {
    const repo = await tempRepo(t, { [FILE]: CLEAN });
    assert.equal((await repo.protogov("hook", "install")).code, 0);
    assert.ok(existsSync(repo.path(".git/hooks/pre-commit")));
    assert.equal(repo.mode(".git/hooks/pre-commit") & 0o111, 0o111, "the hook is executable");
    const removed = await repo.protogov("hook", "uninstall");
    assert.equal(removed.code, 0);
    assert.equal(existsSync(repo.path(".git/hooks/pre-commit")), false);
    repo.write(".git/hooks/pre-commit", EXISTING);
    const again = await repo.protogov("hook", "uninstall");
    assert.equal(again.code, 0);
    assert.match(again.stderr, /not installed/);
    assert.equal(repo.read(".git/hooks/pre-commit"), EXISTING);
  });

  it("respects core.hooksPath", async (t) => {
    const repo = await tempRepo(t, { [FILE]: CLEAN });
    await repo.git("config", "core.hooksPath", ".githooks");
    const install = await repo.protogov("hook", "install");
    assert.equal(install.code, 0, install.stderr);
    assert.ok(existsSync(repo.path(".githooks/pre-commit")));
    assert.equal(existsSync(repo.path(".git/hooks/pre-commit")), false);
    repo.write(FILE, LINT_ERROR);
    await repo.git("add", FILE);
    const commit = await repo.commit("bad");
    assert.notEqual(commit.code, 0);
    assert.match(commit.stdout + commit.stderr, /FIELD_LOWER_SNAKE_CASE/);
  });

  it("refuses to guess when both a foreign hook and a chained one exist", async (t) => {
    const repo = await tempRepo(t, { [FILE]: CLEAN });
    repo.write(".git/hooks/pre-commit", EXISTING);
    repo.write(".git/hooks/pre-commit.protogov-chained", "#!/bin/sh\nexit 0\n");
    const install = await repo.protogov("hook", "install");
    assert.equal(install.code, 2);
    assert.match(install.stderr, /merge or remove one of them/);
    assert.equal(repo.read(".git/hooks/pre-commit"), EXISTING);
  });

  it("unknown options of hook subcommands are usage errors (exit 2)", async (t) => {
    const repo = await tempRepo(t, { [FILE]: CLEAN });
    const result = await repo.protogov("hook", "run", "--frobnicate");
    assert.equal(result.code, 2);
    assert.match(result.stderr, /unknown option '--frobnicate'/);
  });
});

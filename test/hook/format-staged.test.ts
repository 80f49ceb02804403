/**
 * `protogov format --write --staged`: formats what is staged and stages it
 * again, only when the index and the work tree agree for every staged file;
 * otherwise exit 2, naming the files, with nothing changed.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cleanProto } from "../support/temp-project.js";
import { tempRepo } from "./git-repo.js";

const FILE = "acme/x/v1/thing.proto";
const OTHER = "acme/x/v1/other.proto";
const CLEAN = cleanProto("acme.x.v1", "Thing");
const UNFORMATTED = CLEAN.replace("  string id = 1;", "      string   id = 1;");
const OTHER_CLEAN = cleanProto("acme.x.v1", "Other");
const OTHER_UNFORMATTED = OTHER_CLEAN.replace("  string id = 1;", "\tstring id    = 1;");

describe("protogov format --write --staged", () => {
  it("formats staged files, stages the result, and leaves unstaged files alone", async (t) => {
    const repo = await tempRepo(t, { [FILE]: CLEAN, [OTHER]: OTHER_CLEAN });
    repo.write(FILE, UNFORMATTED);
    await repo.git("add", FILE);
    repo.write(OTHER, OTHER_UNFORMATTED); // unformatted but not staged: not touched
    const result = await repo.protogov("format", "--write", "--staged");
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /Formatted and re-staged 1 file/);
    assert.equal(repo.read(FILE), CLEAN);
    assert.equal(await repo.staged(FILE), CLEAN);
    assert.equal(repo.read(OTHER), OTHER_UNFORMATTED);
    assert.equal(await repo.staged(OTHER), OTHER_CLEAN);
    const status = await repo.git("status", "--porcelain");
    assert.equal(status.stdout, ` M ${OTHER}\n`, "FILE is back to HEAD's content, OTHER still has its unstaged edit");
  });

  it("refuses with exit 2, naming the files, when a staged file also has unstaged edits", async (t) => {
    const repo = await tempRepo(t, { [FILE]: CLEAN, [OTHER]: OTHER_CLEAN });
    repo.write(FILE, UNFORMATTED);
    repo.write(OTHER, OTHER_UNFORMATTED);
    await repo.git("add", FILE, OTHER);
    const worktree = `${UNFORMATTED}// an unstaged edit\n`;
    repo.write(FILE, worktree);
    const result = await repo.protogov("format", "--write", "--staged");
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /unstaged edits/);
    assert.match(result.stderr, new RegExp(FILE.replaceAll(".", "\\.")));
    assert.doesNotMatch(result.stderr, /other\.proto/);
    assert.match(result.stderr, /Nothing was changed/);
    // Nothing was written, nothing restaged: not even the file that could have been formatted.
    assert.equal(repo.read(FILE), worktree);
    assert.equal(await repo.staged(FILE), UNFORMATTED);
    assert.equal(repo.read(OTHER), OTHER_UNFORMATTED);
    assert.equal(await repo.staged(OTHER), OTHER_UNFORMATTED);
  });

  it("writes nothing when a staged file does not compile", async (t) => {
    const repo = await tempRepo(t, { [FILE]: CLEAN });
    const broken = `${UNFORMATTED}message {{{\n`;
    repo.write(FILE, broken);
    await repo.git("add", FILE);
    const result = await repo.protogov("format", "--write", "--staged");
    assert.equal(result.code, 1);
    assert.match(result.stderr, /do not compile; nothing was formatted/);
    assert.equal(repo.read(FILE), broken);
    assert.equal(await repo.staged(FILE), broken);
  });

  it("after formatting, the hook lets the commit through", async (t) => {
    const repo = await tempRepo(t, { [FILE]: CLEAN });
    assert.equal((await repo.protogov("hook", "install")).code, 0);
    repo.write(FILE, UNFORMATTED.replace("// The id.", "// The id, changed."));
    await repo.git("add", FILE);
    assert.notEqual((await repo.commit("unformatted")).code, 0);
    assert.equal((await repo.protogov("format", "--write", "--staged")).code, 0);
    const commit = await repo.commit("formatted");
    assert.equal(commit.code, 0, commit.stdout + commit.stderr);
  });

  it("--staged needs --write and takes no paths", async (t) => {
    const repo = await tempRepo(t, { [FILE]: CLEAN });
    const noWrite = await repo.protogov("format", "--staged");
    assert.equal(noWrite.code, 2);
    assert.match(noWrite.stderr, /--staged needs --write/);
    const withPaths = await repo.protogov("format", "--write", "--staged", FILE);
    assert.equal(withPaths.code, 2);
    assert.match(withPaths.stderr, /--staged takes no paths/);
  });

  it("with nothing staged, says so and exits 0", async (t) => {
    const repo = await tempRepo(t, { [FILE]: CLEAN });
    const result = await repo.protogov("format", "--write", "--staged");
    assert.equal(result.code, 0);
    assert.match(result.stderr, /No staged \.proto files/);
  });
});

/**
 * The hook never loses the user's hook and reads the configuration as staged:
 * `hook install` on a full disk (a real tmpfs holding core.hooksPath) leaves
 * the existing pre-commit where it was; a broken unstaged protogov.yaml does
 * not block a clean staged commit, and a broken staged one does.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { cleanProto } from "../support/temp-project.js";
import { mountTmpfs } from "../support/tmpfs.js";
import { tempRepo } from "./git-repo.js";

const FILE = "acme/x/v1/thing.proto";
const CLEAN = cleanProto("acme.x.v1", "Thing");
const CONFIG = "version: 1\nmodules:\n  - path: .\n";
const USER_HOOK = "#!/bin/sh\necho the user's own checks\n";

describe("hook safety", () => {
  it("install on a full disk leaves the user's hook in place; with space it chains it", async (t) => {
    const repo = await tempRepo(t, { [FILE]: CLEAN });
    const fs = mountTmpfs(t, 256);
    const hooks = join(fs.dir, "hooks");
    mkdirSync(hooks);
    writeFileSync(join(hooks, "pre-commit"), USER_HOOK, { mode: 0o755 });
    await repo.git("config", "core.hooksPath", hooks);
    const filler = fs.fill();
    const r = await repo.protogov("hook", "install");
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /ENOSPC/);
    assert.doesNotMatch(r.stderr, /internal error/);
    assert.equal(readFileSync(join(hooks, "pre-commit"), "utf8"), USER_HOOK);
    assert.deepEqual(readdirSync(hooks), ["pre-commit"]);
    rmSync(filler);
    const ok = await repo.protogov("hook", "install");
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(readFileSync(join(hooks, "pre-commit.protogov-chained"), "utf8"), USER_HOOK);
    assert.match(readFileSync(join(hooks, "pre-commit"), "utf8"), /protogov-hook/);
    const un = await repo.protogov("hook", "uninstall");
    assert.equal(un.code, 0, un.stderr);
    assert.equal(readFileSync(join(hooks, "pre-commit"), "utf8"), USER_HOOK);
  });

  it("reads protogov.yaml as staged: a broken unstaged edit does not block, a broken staged one does", async (t) => {
    const repo = await tempRepo(t, { [FILE]: CLEAN, "protogov.yaml": CONFIG });
    assert.equal((await repo.protogov("hook", "install")).code, 0);
    repo.write(FILE, CLEAN.replace("// The id.", "// The id of the thing."));
    await repo.git("add", FILE);
    repo.write("protogov.yaml", "version: 1\nmodules: [\n");
    const commit = await repo.commit("clean staged change");
    assert.equal(commit.code, 0, commit.stdout + commit.stderr);
    assert.equal(repo.read("protogov.yaml"), "version: 1\nmodules: [\n");

    await repo.git("add", "protogov.yaml");
    repo.write("protogov.yaml", CONFIG);
    repo.write(FILE, CLEAN);
    await repo.git("add", FILE);
    const blocked = await repo.commit("broken staged config");
    assert.notEqual(blocked.code, 0);
    assert.match(blocked.stderr, /invalid YAML/);
    assert.ok(existsSync(repo.path("protogov.yaml")));
  });
});

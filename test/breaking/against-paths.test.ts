/**
 * `--against` a directory holding the base protos and `--against` an image
 * file (built by buf from a temporary workspace, and the one protogov itself
 * cached for a git base): both give the same findings and changelog as the git
 * ref they were made from.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { bufBinary } from "../../core/engines/buf/buf.js";
import { examplesDir, repoRoot } from "../support/paths.js";
import { assertNoCrash } from "../support/run-cli.js";
import { branch, changeList, gitRepo, type Repo, USER_REF_DISPLAY_NAME, USERS } from "./support.js";

const run = promisify(execFile);

/** A branch with a removed field; `scratch` is a directory next to the repository, removed with it. */
async function featureRepo(t: Parameters<typeof gitRepo>[0]): Promise<{ repo: Repo; scratch: string }> {
  const repo = await gitRepo(t);
  await branch(repo, "feature");
  repo.edit(USERS, USER_REF_DISPLAY_NAME, "");
  await repo.commitAll("drop a field");
  const scratch = join(repo.dir, "..", "scratch");
  mkdirSync(scratch);
  return { repo, scratch };
}

/** `buf build` of the base tree with protogov's option protos as a second module (they become imports). */
async function bufImage(baseTree: string, scratch: string): Promise<string> {
  const ws = join(scratch, "ws");
  mkdirSync(ws);
  symlinkSync(baseTree, join(ws, "base"), "dir");
  symlinkSync(join(repoRoot, "proto"), join(ws, "protogov"), "dir");
  writeFileSync(join(ws, "buf.yaml"), "version: v2\nmodules:\n  - path: base\n  - path: protogov\n");
  const image = join(scratch, "base.binpb");
  await run(bufBinary(), ["build", "base", "-o", image], { cwd: ws });
  return image;
}

test("--against DIR compares with a directory copy of the base", async (t) => {
  const { repo, scratch } = await featureRepo(t);
  const baseDir = join(scratch, "base-protos");
  cpSync(examplesDir, baseDir, { recursive: true });

  const viaDir = await repo.json(["breaking", "--against", baseDir]);
  const viaRef = await repo.json(["breaking", "--against", "main"]);
  assert.equal(viaDir.code, 1, viaDir.stderr);
  assert.deepEqual(viaDir.report.findings, viaRef.report.findings);
  assert.deepEqual(
    viaDir.report.findings.map((f) => `${f.file} ${f.rule}`),
    [`${USERS} FIELD_NO_DELETE`],
  );
  assert.deepEqual(await repo.changelog(["--against", baseDir]), await repo.changelog(["--against", "main"]));

  // A relative directory works too, and the text summary names it.
  const text = await repo.run(["breaking", "--against", "../scratch/base-protos"]);
  assert.equal(text.code, 1, text.stderr);
  assert.match(text.stdout, /^API since \.\.\/scratch\/base-protos: 1 breaking change \(semver: major\)$/m);
});

test("--against IMAGE compares with an image built by buf", async (t) => {
  const { repo, scratch } = await featureRepo(t);
  const image = await bufImage(examplesDir, scratch);

  const viaImage = await repo.json(["breaking", "--against", image]);
  assertNoCrash({ code: viaImage.code, stdout: "", stderr: viaImage.stderr });
  assert.equal(viaImage.code, 1, viaImage.stderr);
  const viaRef = await repo.json(["breaking", "--against", "main", "--all"]);
  assert.deepEqual(viaImage.report.findings, viaRef.report.findings);

  const log = await repo.changelog(["--against", image]);
  assert.deepEqual(changeList(log.changes), ["FIELD_REMOVED breaking acme.users.v1.UserRef.display_name"]);
  assert.equal(log.changes[0]?.old?.file, USERS);
});

test("--against IMAGE accepts the base image protogov cached for a git base", async (t) => {
  const { repo } = await featureRepo(t);
  const cacheDir = repo.cache;
  const first = await repo.json(["breaking", "--all"]);
  const cached = readdirSync(cacheDir).filter((f) => f.startsWith("base-") && f.endsWith(".binpb"));
  assert.equal(cached.length, 1, `cache holds: ${readdirSync(cacheDir).join(", ")}`);

  const viaImage = await repo.json(["breaking", "--against", join(cacheDir, cached[0] ?? "")]);
  assert.deepEqual(viaImage.report.findings, first.report.findings);
  assert.equal(viaImage.code, 1);
});

test("PROTOGOV_NO_CACHE=1 compiles the base without reading or writing the cache", async (t) => {
  const { repo } = await featureRepo(t);
  const cacheDir = repo.cache;
  const uncached = await repo.json(["breaking", "--all"], { PROTOGOV_NO_CACHE: "1" });
  assert.equal(uncached.code, 1, uncached.stderr);
  const files = existsSync(cacheDir) ? readdirSync(cacheDir) : [];
  assert.deepEqual(files, [], "nothing is written to the cache");

  const cached = await repo.json(["breaking", "--all"]);
  assert.deepEqual(cached.report.findings, uncached.report.findings);
  assert.equal(readdirSync(cacheDir).filter((f) => f.startsWith("base-") && f.endsWith(".binpb")).length, 1);
  // A poisoned cache entry is ignored when the cache is off.
  for (const f of readdirSync(cacheDir)) writeFileSync(join(cacheDir, f), "not an image");
  const again = await repo.json(["breaking", "--all"], { PROTOGOV_NO_CACHE: "true" });
  assert.deepEqual(again.report.findings, uncached.report.findings);
});

test("--against a path that is neither a directory of protos nor an image fails with exit 2", async (t) => {
  const { repo, scratch } = await featureRepo(t);
  const notAnImage = join(scratch, "notes.txt");
  writeFileSync(notAnImage, "not a buf image\n");
  const result = await repo.run(["breaking", "--against", notAnImage]);
  assertNoCrash(result);
  assert.equal(result.code, 2, result.stdout + result.stderr);
  assert.match(result.stderr, /notes\.txt/);
});

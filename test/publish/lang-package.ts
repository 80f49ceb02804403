/**
 * Fixtures of the Python and Java package tests: an API repository holding
 * proto-examples with one target (its YAML lines given), the environment
 * that points protogov's cache, pip's wheels and Maven's repository at
 * .cache/ (filled once by .ci/toolchains, offline afterwards), and the
 * publish/assert steps both tests share.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cacheDir } from "../errors/lang-support.js";
import { repoRoot } from "../support/paths.js";
import { runCli } from "../support/run-cli.js";
import { EXAMPLES, git, tempDir } from "./api-project.js";

/** Wheels of the runtimes a generated Python package depends on (pip --find-links), and of its build backend. */
export const wheelhouse = join(cacheDir, "wheels");
export const mavenRepo = join(cacheDir, "m2");

export const langEnv: Record<string, string> = {
  PROTOGOV_CACHE_DIR: join(cacheDir, "protogov"),
  MAVEN_OPTS: `-Dmaven.repo.local=${mavenRepo}`,
  PIP_DISABLE_PIP_VERSION_CHECK: "1",
};

/** The wheelhouse, downloaded once from the package index when .ci/toolchains has not filled it. */
export function ensureWheelhouse(): void {
  if (existsSync(wheelhouse) && readdirSync(wheelhouse).some((n) => n.startsWith("grpcio-"))) return;
  const requirements = join(repoRoot, "test", "publish", "python-wheels.txt");
  execFileSync(join(cacheDir, "venv", "bin", "pip"), ["download", "-q", "-d", wheelhouse, "-r", requirements], { stdio: "inherit" });
}

export function langApiProject(targetYaml: string): string {
  const dir = tempDir("protogov-lang-api-");
  cpSync(join(EXAMPLES, "acme"), join(dir, "acme"), { recursive: true });
  writeFileSync(join(dir, "protogov.yaml"), `version: 1\ntargets:\n${targetYaml.trimEnd()}\n`);
  git(dir, "init", "--quiet", "--initial-branch=main");
  git(dir, "add", "-A");
  git(dir, "commit", "--quiet", "-m", "API");
  return dir;
}

export async function publish(api: string): Promise<string> {
  const r = await runCli(["publish"], { cwd: api, env: langEnv });
  assert.equal(r.code, 0, `publish failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** The tagged tree of `remote` checked out in a fresh directory. */
export function checkout(remote: string, tag: string): string {
  const dir = tempDir("protogov-lang-checkout-");
  git(remote, "--work-tree", dir, "checkout", tag, "--", ".");
  return dir;
}

/** CHANGELOG.md at `tag`: the newest release first, each with its bump and API commit. */
export function assertChangelog(remote: string, tag: string, releases: readonly string[], sourceCommit: string): void {
  const text = git(remote, "show", `${tag}:CHANGELOG.md`);
  const headings = [...text.matchAll(/^## (\S+) \((\w+)\)$/gm)].map((m) => `${m[1]} (${m[2]})`);
  assert.deepEqual(headings, releases);
  assert.match(text, new RegExp(`Built from API commit ${sourceCommit}\\.`));
}

/**
 * A PATH without the named command: one directory of links to every other
 * command on PATH (python3 and mvn live in /usr/bin beside git and protoc,
 * so dropping their directory would drop those too).
 */
export function pathWithout(cmd: string): string {
  const bin = tempDir("protogov-lang-path-");
  for (const dir of (process.env["PATH"] ?? "").split(":").filter(Boolean)) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (name !== cmd && !existsSync(join(bin, name))) symlinkSync(join(dir, name), join(bin, name));
    }
  }
  return bin;
}

/** `generate` without `cmd` on PATH and with an empty protogov cache: exit 2 naming what to install, no stack trace. */
export async function assertMissingTool(api: string, cmd: string, install: RegExp): Promise<void> {
  const r = await runCli(["generate"], {
    cwd: api,
    env: { ...langEnv, PATH: pathWithout(cmd), PROTOGOV_CACHE_DIR: tempDir("protogov-lang-nocache-") },
  });
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, new RegExp(`\`${cmd}\` is not on PATH`));
  assert.match(r.stderr, install);
  assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
}

/**
 * Real git repositories for the breaking, diff and check tests: a temp copy of
 * proto-examples (or of a fixture) committed on `main`, then edited on
 * branches, with the compiled CLI run inside it against its own base-image
 * cache (PROTOGOV_CACHE_DIR), so no test reads another's cached base.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { devNull, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { TestContext } from "node:test";
import type { ApiChange, SemverBump } from "../../core/engines/diff/api-diff.js";
import { examplesDir, fixturesDir } from "../support/paths.js";
import { type CliResult, type JsonReport, runCli } from "../support/run-cli.js";

// Variables that point git at another repository or another config would leak into the temp
// repositories, both here and in the CLI (runCli passes this environment on).
for (const name of Object.keys(process.env)) {
  if (
    /^GIT_(DIR|WORK_TREE|INDEX_FILE|OBJECT_DIRECTORY|ALTERNATE_OBJECT_DIRECTORIES|COMMON_DIR|NAMESPACE|PREFIX|CEILING_DIRECTORIES|CONFIG.*)$/.test(
      name,
    )
  ) {
    delete process.env[name];
  }
}
process.env["GIT_CONFIG_NOSYSTEM"] = "1";
process.env["GIT_CONFIG_GLOBAL"] = devNull;

export const breakingFixtures = join(fixturesDir, "breaking");

/** `protogov diff --format json`. */
export interface JsonChangelog {
  bump: SemverBump;
  counts: Record<ApiChange["classification"], number>;
  changes: ApiChange[];
}

export interface Repo {
  dir: string;
  /** PROTOGOV_CACHE_DIR of the runs in this repository. */
  cache: string;
  path(rel: string): string;
  read(rel: string): string;
  write(rel: string, text: string): void;
  /** Replaces `from`, which must occur in the file, by `to`. */
  edit(rel: string, from: string | RegExp, to: string): void;
  /** Runs git in the repository; fails the test when git fails. */
  git(...args: string[]): Promise<string>;
  /** Stages everything in the temp repository and commits; returns the new HEAD. */
  commitAll(message: string): Promise<string>;
  /** The CLI, run in the repository with its own cache and `env` on top. */
  run(args: readonly string[], env?: Record<string, string>): Promise<CliResult>;
  /** `--format json <args>`, parsed. */
  json(args: readonly string[], env?: Record<string, string>): Promise<{ code: number; report: JsonReport; stderr: string }>;
  /** `diff --format json <args>`, parsed; fails the test unless it exits 0. */
  changelog(args?: readonly string[]): Promise<JsonChangelog>;
  /** `git clone <args> file://<this repo> <new dir>`: a second repository with its own cache. */
  clone(...args: string[]): Promise<Repo>;
}

export function gitIn(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("git", args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`git ${args.join(" ")} failed in ${cwd}: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

/**
 * A git repository holding a copy of `from` (default: proto-examples), committed on `main`; the
 * current branch is `main`. Removed when the test ends.
 */
/** `extra`: more files for the base commit, repository path → file to copy (shared fixture files). */
export async function gitRepo(t: TestContext, from: string = examplesDir, extra: Record<string, string> = {}): Promise<Repo> {
  const root = mkdtempSync(join(tmpdir(), "protogov-breaking-"));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const dir = join(root, "repo");
  cpSync(from, dir, { recursive: true });
  for (const [rel, file] of Object.entries(extra)) cpSync(file, join(dir, rel));
  await gitIn(dir, ["init", "--quiet", "--initial-branch=main"]);
  const repo = openRepo(root, dir);
  await repo.commitAll("base");
  return repo;
}

let clones = 0;

function openRepo(root: string, dir: string): Repo {
  const cache = join(root, `cache-${dir.split("/").pop() ?? "repo"}`);
  const repo: Repo = {
    dir,
    cache,
    path: (rel) => join(dir, rel),
    read: (rel) => readFileSync(join(dir, rel), "utf8"),
    write: (rel, text) => {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    },
    edit: (rel, from, to) => {
      const before = repo.read(rel);
      const after = before.replace(from, to);
      assert.notEqual(after, before, `${rel}: ${String(from)} not found (or replacing it changed nothing)`);
      repo.write(rel, after);
    },
    git: (...args) => gitIn(dir, args),
    commitAll: async (message) => {
      await gitIn(dir, ["add", "--all", "."]);
      await gitIn(dir, [
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.com",
        "-c",
        "commit.gpgsign=false",
        "commit",
        "--quiet",
        "-m",
        message,
      ]);
      return (await gitIn(dir, ["rev-parse", "HEAD"])).trim();
    },
    run: (args, env = {}) => runCli(args, { cwd: dir, env: { PROTOGOV_CACHE_DIR: cache, ...env } }),
    json: async (args, env) => {
      const result = await repo.run(["--format", "json", ...args], env);
      return { code: result.code, report: parseJson<JsonReport>(result), stderr: result.stderr };
    },
    changelog: async (args = []) => {
      const result = await repo.run(["diff", "--format", "json", ...args]);
      assert.equal(result.code, 0, result.stdout + result.stderr);
      return parseJson<JsonChangelog>(result);
    },
    clone: async (...args) => {
      const target = join(root, `clone-${++clones}`);
      await gitIn(root, ["clone", "--quiet", ...args, `file://${dir}`, target]);
      return openRepo(root, target);
    },
  };
  return repo;
}

function parseJson<T>(result: CliResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    assert.fail(`expected JSON (exit ${result.code})\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  }
}

/** `rule name` per change: compact enough to compare whole lists. */
export function changeList(changes: readonly ApiChange[]): string[] {
  return changes.map((c) => `${c.rule} ${c.classification} ${c.name}`);
}

/** The one change with `rule` (and `name`, when given); fails the test listing every change otherwise. */
export function onlyChange(log: JsonChangelog, rule: string, name?: string): ApiChange {
  const found = log.changes.filter((c) => c.rule === rule && (name === undefined || c.name === name));
  assert.equal(found.length, 1, `expected one ${rule} ${name ?? ""}, got:\n${changeList(log.changes).join("\n")}`);
  return found[0] as ApiChange;
}

/** Starts branch `name` from the current HEAD. */
export async function branch(repo: Repo, name: string): Promise<void> {
  await repo.git("checkout", "--quiet", "-b", name);
}

/** users.proto's `UserRef.display_name`, with its comment: removing it is FIELD_NO_DELETE. */
export const USER_REF_DISPLAY_NAME =
  "  // Display name of the user at the time the reference was created; a\n" +
  "  // snapshot that is not updated when the user renames themselves.\n" +
  "  string display_name = 2;\n";

export const USERS = "acme/users/v1/users.proto";
export const USER_ERRORS = "acme/users/v1/errors.proto";

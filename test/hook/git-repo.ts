/**
 * Real git repositories in temp directories for the hook tests. Every git
 * and protogov process gets an environment without the caller's GIT_*
 * variables (a test run from inside a git hook would otherwise act on the
 * outer repository) and without the user's global git config.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { TestContext } from "node:test";
import { cliBin } from "../support/paths.js";

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith("GIT_") && k !== "PROTOGOV_DEBUG") env[k] = v;
  }
  // The hook server has its own tests (hook-server.test.ts); here every commit runs protogov directly.
  return { ...env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1", NO_COLOR: "1", PROTOGOV_HOOK_SERVER: "0", ...extra };
}

export function run(file: string, args: readonly string[], cwd: string, env = cleanEnv()): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") {
        reject(error);
        return;
      }
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

export interface TempRepo {
  dir: string;
  path(rel: string): string;
  write(rel: string, text: string): void;
  read(rel: string): string;
  mode(rel: string): number;
  git(...args: string[]): Promise<Run>;
  /** `git commit` as a configured user; the hook runs. */
  commit(message: string, ...args: string[]): Promise<Run>;
  protogov(...args: string[]): Promise<Run>;
  /** The staged content of a file (`git show :path`). */
  staged(rel: string): Promise<string>;
  head(): Promise<string>;
}

export async function tempRepo(t: TestContext, files: Record<string, string> = {}): Promise<TempRepo> {
  const dir = mkdtempSync(join(tmpdir(), "protogov-hook-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const repo: TempRepo = {
    dir,
    path: (rel) => join(dir, rel),
    write: (rel, text) => {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    },
    read: (rel) => readFileSync(join(dir, rel), "utf8"),
    mode: (rel) => statSync(join(dir, rel)).mode & 0o777,
    git: (...args) => run("git", args, dir),
    commit: (message, ...args) =>
      run("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-m", message, ...args], dir),
    protogov: (...args) => run(process.execPath, [cliBin, ...args], dir),
    staged: async (rel) => (await run("git", ["show", `:${rel}`], dir)).stdout,
    head: async () => (await run("git", ["rev-parse", "HEAD"], dir)).stdout.trim(),
  };
  await repo.git("init", "-q", "-b", "main");
  for (const [rel, text] of Object.entries(files)) repo.write(rel, text);
  if (Object.keys(files).length > 0) {
    await repo.git("add", ".");
    const first = await repo.commit("initial", "--no-verify");
    if (first.code !== 0) throw new Error(`initial commit failed: ${first.stderr}`);
  }
  return repo;
}

/**
 * A target's git repository, cloned into a temporary directory: read the last
 * release (latest `v*` tag, `<dir>/v*` for a Go module in a sub-directory and the source commit in its trailer), replace the
 * target directory with new output, and report what changed.
 *
 * The token never leaves the environment: the remote URL holds none, and git
 * asks for it through GIT_ASKPASS, a script (next to the clone, holding no
 * secret) that prints the variable named by token_env. So it appears in no
 * argv (`ps`), no config file, and no output; every git message is scrubbed
 * all the same.
 *
 * Files of the target directory that protogov did not publish (they differ
 * from the last protogov release commit, or there is none) are only replaced
 * or deleted with `replace_foreign: true`; `stage` marks them.
 */
import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { git } from "../../../engines/git/git.js";
import type { GitPublishConfig } from "../../../model/config/target-config.js";
import { ToolError } from "../../../model/errors.js";
import { removeTemp, tempDir } from "../../../model/fs/lifecycle.js";
import type { FileMap } from "../../generate/run-plugins.js";
import { latestVersion } from "../release-version.js";
import type { Secrets } from "../secrets.js";

export const SOURCE_TRAILER = "Protogov-Source-Commit";
/** The generated output's fingerprint (targets/content-hash.ts). */
export const CONTENT_TRAILER = "Protogov-Content-Hash";

export interface GitLastRelease {
  version: string | undefined;
  sourceCommit: string | undefined;
  contentHash?: string | undefined;
  changelog?: string | undefined;
}

export interface FileChange {
  status: "added" | "modified" | "deleted";
  path: string;
  /** A file protogov did not publish, replaced or deleted by this change. */
  foreign?: boolean;
}

/** Prints the token of the variable named in PROTOGOV_GIT_TOKEN_ENV; the user name git asks for first is fixed. */
const ASKPASS = [
  "#!/bin/sh",
  'case "$1" in',
  "  Username*) echo x-access-token ;;",
  `  *) eval "printf '%s\\n' \\"\\\${$PROTOGOV_GIT_TOKEN_ENV}\\"" ;;`,
  "esac",
  "",
].join("\n");

export class GitTargetRepo {
  private constructor(
    readonly dir: string,
    /** Environment of every git call: the askpass script, no other credential helper, no prompt. */
    private readonly env: Record<string, string>,
    readonly config: GitPublishConfig,
    readonly secrets: Secrets,
    /** Whether the branch existed on the remote when fetched. */
    public branchExists: boolean,
  ) {}

  static async open(config: GitPublishConfig, secrets: Secrets): Promise<GitTargetRepo> {
    const top = tempDir("protogov-git-");
    const dir = join(top, "work");
    mkdirSync(dir);
    const repo = new GitTargetRepo(dir, askpassEnv(top, config, secrets), config, secrets, false);
    try {
      await repo.run(["init", "--quiet"]);
      await repo.run(["remote", "add", "origin", config.url]);
      await repo.fetch();
      if (repo.branchExists) await repo.run(["checkout", "--quiet", "-B", config.branch, `origin/${config.branch}`]);
      else await repo.run(["checkout", "--quiet", "--orphan", config.branch]);
      const email = (await git(["config", "--get", "user.email"], dir)).stdout.toString("utf8").trim();
      if (!email) {
        await repo.run(["config", "user.name", "protogov"]);
        await repo.run(["config", "user.email", "protogov@localhost"]);
      }
      return repo;
    } catch (e) {
      repo.dispose();
      throw e;
    }
  }

  /** Fetches the branch and all tags; notes whether the branch exists yet. */
  async fetch(): Promise<void> {
    const heads = await this.run(["ls-remote", "--heads", "origin", this.config.branch]);
    this.branchExists = heads.trim() !== "";
    const refspecs = this.branchExists ? [`+refs/heads/${this.config.branch}:refs/remotes/origin/${this.config.branch}`] : [];
    await this.run(["fetch", "--quiet", "--prune", "--prune-tags", "--tags", "origin", ...refspecs]);
  }

  async lastRelease(): Promise<GitLastRelease> {
    const prefix = this.config.tagPrefix;
    const tags = (await this.run(["tag", "--list", `${prefix}*`]))
      .split("\n")
      .filter(Boolean)
      .map((t) => `v${t.slice(prefix.length)}`);
    const version = this.config.tag ? latestVersion(tags) : undefined;
    const ref = version ? `${prefix}${version}` : this.branchExists ? `origin/${this.config.branch}` : undefined;
    if (!ref) return { version, sourceCommit: undefined };
    const trailer = (key: string): Promise<string> =>
      this.run(["log", "-1", `--format=%(trailers:key=${key},valueonly)`, `${ref}^{commit}`]).then((t) => t.trim());
    const [sourceCommit, contentHash] = await Promise.all([trailer(SOURCE_TRAILER), trailer(CONTENT_TRAILER)]);
    const sub = this.config.directory.replace(/^\.\/+/, "").replace(/\/+$/, "");
    const path = sub && sub !== "." ? `${sub}/CHANGELOG.md` : "CHANGELOG.md";
    // A release made before protogov wrote changelogs has none.
    const changelog = await this.run(["show", `${ref}:${path}`]).catch(() => undefined);
    return { version, sourceCommit: sourceCommit || undefined, contentHash: contentHash || undefined, changelog };
  }

  /** Replaces the target directory with `files` and stages it; returns the changes, foreign files marked. */
  async stage(files: FileMap): Promise<FileChange[]> {
    const sub = this.config.directory.replace(/\/+$/, "") || ".";
    const foreign = await this.foreignFiles(sub);
    const root = join(this.dir, sub);
    if (sub === ".") {
      for (const entry of readdirSync(this.dir)) if (entry !== ".git") rmSync(join(this.dir, entry), { recursive: true, force: true });
    } else {
      rmSync(root, { recursive: true, force: true });
    }
    for (const [name, content] of files) {
      mkdirSync(dirname(join(root, name)), { recursive: true });
      writeFileSync(join(root, name), content);
    }
    await this.run(["add", "--all", "--", sub]);
    const status = await this.run(["diff", "--cached", "--name-status", "--no-renames", "--", sub]);
    return status
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        const [code, path] = line.split("\t");
        const status = code === "A" ? "added" : code === "D" ? "deleted" : "modified";
        return { status, path: path ?? "", ...(status !== "added" && foreign.has(path ?? "") ? { foreign: true } : {}) } as FileChange;
      });
  }

  /**
   * Files under `sub` at the branch tip that protogov did not publish: changed
   * since the last commit carrying protogov's trailer, or all of them when no
   * commit does.
   */
  private async foreignFiles(sub: string): Promise<Set<string>> {
    if (!this.branchExists) return new Set();
    const tip = `refs/remotes/origin/${this.config.branch}`;
    const list = async (args: string[]) => (await this.run(args)).split("\n").filter(Boolean);
    const ours = (await this.run(["log", "-1", "--format=%H", `--grep=^${SOURCE_TRAILER}: `, tip])).trim();
    const files = ours
      ? await list(["diff", "--name-only", "--no-renames", ours, tip, "--", sub])
      : await list(["ls-tree", "-r", "--name-only", tip, "--", sub]);
    return new Set(files);
  }

  async run(args: string[]): Promise<string> {
    const r = await git(args, this.dir, undefined, this.env);
    if (r.code === 0) return r.stdout.toString("utf8");
    {
      const text = this.secrets.scrub(r.stderr).trim();
      throw new ToolError(
        `git ${args[0] ?? ""} on ${this.secrets.scrub(this.config.url)} failed: ${text.split("\n").slice(0, 4).join(" / ")}`,
        {
          hint: "check the URL and that the token (token_env) may read and push to the repository",
        },
      );
    }
  }

  dispose(): void {
    removeTemp(dirname(this.dir));
  }
}

/**
 * The environment that lets git ask for the token: GIT_ASKPASS names a script
 * beside the clone (never part of a commit) that prints the variable
 * token_env names. No credential helper of the user's is asked or written to.
 */
function askpassEnv(dir: string, config: GitPublishConfig, secrets: Secrets): Record<string, string> {
  const env: Record<string, string> = {
    GIT_TERMINAL_PROMPT: "0",
    GIT_CONFIG_COUNT: "1",
    GIT_CONFIG_KEY_0: "credential.helper",
    GIT_CONFIG_VALUE_0: "",
  };
  if (!config.tokenEnv) return env;
  secrets.require(config.tokenEnv, `publishing to ${config.url}`);
  const script = join(dir, "askpass.sh");
  writeFileSync(script, ASKPASS, { mode: 0o700 });
  chmodSync(script, 0o700);
  return { ...env, GIT_ASKPASS: script, PROTOGOV_GIT_TOKEN_ENV: config.tokenEnv };
}

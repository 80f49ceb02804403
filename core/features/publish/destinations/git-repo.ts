/**
 * A target's git repository, cloned into a temporary directory with
 * simple-git: read the last release (latest `v*` tag and the source commit in
 * its trailer), replace the target directory with new output, and report what
 * changed. Tokens go into the remote URL only inside this process; every
 * git message is scrubbed before it is shown.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type SimpleGit, simpleGit } from "simple-git";
import type { GitPublishConfig } from "../../../model/config/target-config.js";
import { ToolError } from "../../../model/errors.js";
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
}

export interface FileChange {
  status: "added" | "modified" | "deleted";
  path: string;
}

export class GitTargetRepo {
  private constructor(
    readonly dir: string,
    readonly git: SimpleGit,
    readonly config: GitPublishConfig,
    readonly secrets: Secrets,
    /** Whether the branch existed on the remote when fetched. */
    public branchExists: boolean,
  ) {}

  static async open(config: GitPublishConfig, secrets: Secrets): Promise<GitTargetRepo> {
    const dir = mkdtempSync(join(tmpdir(), "protogov-git-"));
    const git = simpleGit({ baseDir: dir });
    const repo = new GitTargetRepo(dir, git, config, secrets, false);
    try {
      await repo.run(["init", "--quiet"]);
      await repo.run(["remote", "add", "origin", authUrl(config, secrets)]);
      await repo.fetch();
      if (repo.branchExists) await repo.run(["checkout", "--quiet", "-B", config.branch, `origin/${config.branch}`]);
      else await repo.run(["checkout", "--quiet", "--orphan", config.branch]);
      const email = (await repo.git.raw(["config", "--get", "user.email"]).catch(() => "")).trim();
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
    const tags = (await this.run(["tag", "--list", "v*"])).split("\n").filter(Boolean);
    const version = this.config.tag ? latestVersion(tags) : undefined;
    const ref = version ? `v${version}` : this.branchExists ? `origin/${this.config.branch}` : undefined;
    if (!ref) return { version, sourceCommit: undefined };
    const trailer = (key: string): Promise<string> =>
      this.run(["log", "-1", `--format=%(trailers:key=${key},valueonly)`, `${ref}^{commit}`]).then((t) => t.trim());
    const [sourceCommit, contentHash] = await Promise.all([trailer(SOURCE_TRAILER), trailer(CONTENT_TRAILER)]);
    return { version, sourceCommit: sourceCommit || undefined, contentHash: contentHash || undefined };
  }

  /** Replaces the target directory with `files` and stages it; returns the changes. */
  async stage(files: FileMap): Promise<FileChange[]> {
    const sub = this.config.directory.replace(/\/+$/, "") || ".";
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
        return { status: code === "A" ? "added" : code === "D" ? "deleted" : "modified", path: path ?? "" } as FileChange;
      });
  }

  async run(args: string[]): Promise<string> {
    try {
      return await this.git.raw(args);
    } catch (e) {
      const text = this.secrets.scrub(e instanceof Error ? e.message : String(e)).trim();
      throw new ToolError(
        `git ${args[0] ?? ""} on ${this.secrets.scrub(this.config.url)} failed: ${text.split("\n").slice(0, 4).join(" / ")}`,
        {
          hint: "check the URL and that the token (token_env) may read and push to the repository",
        },
      );
    }
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** https URLs get the token as `x-access-token:TOKEN@` (GitHub, GitLab, Gitea accept it). */
function authUrl(config: GitPublishConfig, secrets: Secrets): string {
  if (!config.tokenEnv) return config.url;
  const token = secrets.require(config.tokenEnv, `publishing to ${config.url}`);
  if (!/^https?:\/\//.test(config.url)) return config.url;
  return config.url.replace(/^(https?:\/\/)/, `$1x-access-token:${encodeURIComponent(token)}@`);
}

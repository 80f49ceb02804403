/**
 * Commit, tag and push one git target, never forcing. The push is atomic
 * (branch and tag together, or neither). When the remote moved meanwhile (a
 * concurrent publish), the release is rebuilt on top of the new tip: fetch,
 * reset to it, ask the caller to prepare again against the new last release
 * (its version may have changed), stage, commit, push; a bounded number of
 * times, then a clear error. Our change is "the directory holds this output",
 * so rebuilding it on the new tip is exactly a rebase of it.
 */
import { ToolError } from "../../../model/errors.js";
import type { FileMap } from "../../generate/run-plugins.js";
import type { FileChange, GitLastRelease, GitTargetRepo } from "./git-repo.js";

export interface GitReleasePlan {
  version: string | undefined;
  files: FileMap;
  message: string;
}

export type PrepareAgain = (last: GitLastRelease) => Promise<GitReleasePlan | undefined>;

export type GitPublishResult =
  | { outcome: "pushed"; version: string | undefined; commit: string; changes: FileChange[]; attempts: number }
  | { outcome: "unchanged"; attempts: number };

export const MAX_PUSH_ATTEMPTS = 4;

export async function commitAndPush(repo: GitTargetRepo, first: GitReleasePlan, prepareAgain: PrepareAgain): Promise<GitPublishResult> {
  let plan: GitReleasePlan | undefined = first;
  for (let attempt = 1; ; attempt++) {
    if (!plan) return { outcome: "unchanged", attempts: attempt };
    const changes = await repo.stage(plan.files);
    if (changes.length === 0) return { outcome: "unchanged", attempts: attempt };
    await repo.run(["commit", "--quiet", "--no-verify", "-m", plan.message]);
    const tag = repo.config.tag && plan.version ? `${repo.config.tagPrefix}${plan.version}` : undefined;
    if (tag) await repo.run(["tag", "-a", tag, "-m", `${plan.message.split("\n")[0]}`]);
    const refs = [`HEAD:refs/heads/${repo.config.branch}`, ...(tag ? [`refs/tags/${tag}`] : [])];
    const base = await remoteState(repo, tag);
    try {
      await repo.run(["push", "--atomic", "--quiet", "origin", ...refs]);
      const commit = (await repo.run(["rev-parse", "HEAD"])).trim();
      return { outcome: "pushed", version: plan.version, commit, changes, attempts: attempt };
    } catch (e) {
      // Only a remote that moved (or a tag someone else took) is retried; auth or network errors are not.
      if (tag) await repo.run(["tag", "-d", tag]);
      await repo.fetch();
      if ((await remoteState(repo, tag)) === base) throw e;
      if (attempt >= MAX_PUSH_ATTEMPTS) {
        throw new ToolError(
          `${repo.secrets.scrub(repo.config.url)}: the remote branch ${repo.config.branch} kept moving; gave up after ${attempt} attempts (nothing of this target was pushed)`,
          { hint: "another publish is running against the same repository; run protogov publish again when it is done" },
        );
      }
      if (repo.branchExists) await repo.run(["reset", "--quiet", "--hard", `origin/${repo.config.branch}`]);
      plan = await prepareAgain(await repo.lastRelease());
    }
  }
}

/** The remote branch tip and whether the tag exists there, as fetched: what a concurrent publish changes. */
async function remoteState(repo: GitTargetRepo, tag: string | undefined): Promise<string> {
  const tip = repo.branchExists ? (await repo.run(["rev-parse", `refs/remotes/origin/${repo.config.branch}`])).trim() : "none";
  const remoteTag = tag ? (await repo.run(["ls-remote", "--tags", "origin", `refs/tags/${tag}`])).trim() : "";
  return `${tip} ${remoteTag}`;
}

/**
 * Git repositories (`publish.git`): the output replaces a directory of a
 * branch in one commit, tagged `v<version>`, pushed atomically and never
 * forced (git-push.ts). The latest `v*` tag and its trailers record the last
 * release. When the remote moved meanwhile, the release is planned again on
 * top of it, unless it now holds a release of a newer or unknown commit.
 */
import { gitMaybe } from "../../../engines/git/git.js";
import { ToolError } from "../../../model/errors.js";
import { type PlanContext, planRelease } from "../release-plan.js";
import type { PublishDestination } from "./destination.js";
import { commitAndPush } from "./git-push.js";
import { GitTargetRepo } from "./git-repo.js";

export const gitDestination: PublishDestination = {
  name: "git",
  configured: (target) => target.publish.git !== undefined,
  async open(target, ctx) {
    const git = target.publish.git;
    if (!git) throw new Error(`target ${target.name} does not publish to git`);
    const repo = await GitTargetRepo.open(git, ctx.secrets);
    const { secrets } = ctx;
    return {
      lastRelease: () => repo.lastRelease(),
      stage: async (plan) => (plan.files ? repo.stage(plan.files) : undefined),
      async publish(plan) {
        if (!plan.files) return { done: [] };
        const result = await commitAndPush(repo, { version: plan.gitVersion, files: plan.files, message: plan.message }, async (last) => {
          const source = ctx.plan.sourceCommit;
          if (last.sourceCommit && last.sourceCommit !== source && !(await hasCommit(last.sourceCommit, ctx.plan))) {
            throw new ToolError(
              `${secrets.scrub(git.url)} moved meanwhile: it now holds a release built from ${last.sourceCommit.slice(0, 12)}, which this clone does not have (a newer commit?)`,
              { hint: "nothing of this target was pushed; fetch and publish again from the newest commit" },
            );
          }
          if (last.sourceCommit && last.sourceCommit !== source && (await isAncestor(source, last.sourceCommit, ctx.plan))) {
            throw new ToolError(
              `${secrets.scrub(git.url)} already holds a release built from ${last.sourceCommit.slice(0, 12)}, which is newer than this commit`,
              { hint: "nothing of this target was pushed; publish from the newer commit instead" },
            );
          }
          // A target also on npm keeps npm's last release: the git side only catches up with it.
          const again = await planRelease(
            ctx.plan,
            plan.target,
            plan.target.publish.npm ? plan.last : last,
            !plan.target.publish.npm && !git.tag,
          );
          return again.files ? { version: again.gitVersion, files: again.files, message: again.message } : undefined;
        });
        const where = `${secrets.scrub(git.url)} (branch ${git.branch}${git.directory === "." ? "" : `, directory ${git.directory}`})`;
        if (result.outcome !== "pushed") return { done: [`nothing changed in ${where}`] };
        const tag = git.tag && result.version ? `, tag ${git.tagPrefix}${result.version}` : "";
        const retries = result.attempts > 1 ? ` after ${result.attempts} attempts` : "";
        return {
          done: [`pushed commit ${result.commit.slice(0, 12)}${tag} with ${result.changes.length} changed file(s) to ${where}${retries}`],
          changes: result.changes,
        };
      },
      dispose: () => repo.dispose(),
    };
  },
};

async function hasCommit(commit: string, ctx: PlanContext): Promise<boolean> {
  return (await gitMaybe(["cat-file", "-e", `${commit}^{commit}`], ctx.repoRoot)) !== undefined;
}

async function isAncestor(older: string, newer: string, ctx: PlanContext): Promise<boolean> {
  return (await gitMaybe(["merge-base", "--is-ancestor", older, newer], ctx.repoRoot)) !== undefined;
}

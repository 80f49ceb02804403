/**
 * `protogov publish`: plans every selected target first (last release,
 * version, changelog, files, git changes: nothing remote touched), then
 * publishes target by target, npm before git, and stops at the first failure.
 * Each target is all-or-nothing by itself (one `npm publish`; one atomic git
 * push of commit and tag), so the report says exactly which targets are out,
 * which failed and which were not attempted.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { ApiDiff } from "../diff/types.js";
import { InputError, isProtogovError, ToolError } from "../errors.js";
import { gitMaybe } from "../git/git.js";
import { openGeneration } from "../targets/generate-targets.js";
import type { FileMap } from "../targets/run-plugins.js";
import { apiDiffSince, sourceState } from "../version/source.js";
import { commitAndPush } from "./git-publish.js";
import { type FileChange, GitTargetRepo } from "./git-repo.js";
import { ensureErrorsRuntime, lastPublished, publishDir, registryOf } from "./npm-registry.js";
import type { PublishEntry, PublishReport } from "./publish-report.js";
import { type PlanContext, planRelease, type ReleasePlan } from "./release-plan.js";
import { Secrets } from "./secrets.js";

export interface PublishOptions {
  cwd: string;
  configFile?: string | undefined;
  names: readonly string[];
  dryRun: boolean;
}

interface Prepared {
  plan: ReleasePlan;
  repo: GitTargetRepo | undefined;
  gitChanges: FileChange[] | undefined;
}

export async function runPublish(opts: PublishOptions): Promise<PublishReport> {
  const generation = await openGeneration({ cwd: opts.cwd, configFile: opts.configFile, names: opts.names });
  const secrets = new Secrets();
  const prepared: Prepared[] = [];
  try {
    const source = await sourceState(generation.project.root);
    if (!source.commit || !source.repoRoot) {
      throw new InputError("publish records the API commit each release is built from: run it inside the API's git repository", {
        hint: "commit the protos first; `protogov generate` builds without publishing",
      });
    }
    if (source.dirty.length > 0 && !opts.dryRun) {
      throw new InputError(
        `uncommitted changes under the project (${source.dirty.slice(0, 3).join(", ")}): a release must match its commit`,
        {
          hint: "commit or stash them, or use --dry-run to preview",
        },
      );
    }
    const diffs = new Map<string, Promise<ApiDiff>>();
    const ctx: PlanContext = {
      generation,
      sourceCommit: source.commit,
      repoRoot: source.repoRoot,
      diffSince: (commit) => {
        const known = diffs.get(commit) ?? apiDiffSince(opts.cwd, opts.configFile, commit, source.repoRoot ?? opts.cwd);
        diffs.set(commit, known);
        return known;
      },
    };
    for (const target of generation.selected) {
      const { npm, git } = target.publish;
      if (!npm && !git) continue;
      if (npm && (!opts.dryRun || process.env[npm.tokenEnv])) secrets.require(npm.tokenEnv, `publishing ${target.name} to ${npm.registry}`);
      const repo = git ? await GitTargetRepo.open(git, secrets) : undefined;
      try {
        const last = npm ? await lastPublished(target.package?.name ?? target.name, registryOf(npm), secrets) : await repo?.lastRelease();
        const plan = await planRelease(ctx, target, last, !npm && git?.tag === false);
        prepared.push({ plan, repo, gitChanges: repo && plan.files ? await repo.stage(plan.files) : undefined });
      } catch (e) {
        repo?.dispose();
        throw e;
      }
    }
    if (opts.dryRun) return { dryRun: true, entries: prepared.map((p) => planned(p)) };
    return await execute(prepared, ctx, secrets);
  } catch (e) {
    if (isProtogovError(e)) throw e;
    throw new Error(secrets.scrub(e instanceof Error ? e.message : String(e)));
  } finally {
    for (const p of prepared) p.repo?.dispose();
    generation.dispose();
  }
}

function planned(p: Prepared): PublishEntry {
  return { plan: p.plan, status: "planned", gitChanges: p.gitChanges, detail: "" };
}

async function execute(prepared: Prepared[], ctx: PlanContext, secrets: Secrets): Promise<PublishReport> {
  const order = [...prepared].sort((a, b) => Number(!a.plan.target.publish.npm) - Number(!b.plan.target.publish.npm));
  const entries: PublishEntry[] = [];
  let failed = false;
  for (const p of order) {
    const { plan } = p;
    if (failed) {
      entries.push({ plan, status: "not-attempted", gitChanges: p.gitChanges, detail: "an earlier target failed" });
      continue;
    }
    try {
      const done: string[] = [];
      const npm = plan.target.publish.npm;
      if (npm && plan.version && plan.files) {
        const manifest = new TextDecoder().decode(plan.files.get("package.json") ?? new Uint8Array());
        const runtime = manifest.includes('"@protogov/errors-runtime"');
        if (runtime) {
          const r = await ensureErrorsRuntime(npm, secrets);
          if (r.outcome === "published") done.push(`published ${r.name}@${r.version} to ${npm.registry}`);
        }
        const name = plan.target.package?.name ?? plan.target.name;
        const outcome = await withPackageDir(plan.files, (dir) => publishDir(dir, { name, version: plan.version ?? "" }, npm, secrets));
        done.push(
          outcome === "published"
            ? `published ${name}@${plan.version} to ${npm.registry}`
            : `${name}@${plan.version} already on ${npm.registry}`,
        );
      }
      const git = plan.target.publish.git;
      if (git && p.repo && plan.files) {
        const result = await commitAndPush(p.repo, { version: plan.gitVersion, files: plan.files, message: plan.message }, async (last) => {
          if (last.sourceCommit && last.sourceCommit !== ctx.sourceCommit && !(await hasCommit(last.sourceCommit, ctx))) {
            throw new ToolError(
              `${secrets.scrub(git.url)} moved meanwhile: it now holds a release built from ${last.sourceCommit.slice(0, 12)}, which this clone does not have (a newer commit?)`,
              { hint: "nothing of this target was pushed; fetch and publish again from the newest commit" },
            );
          }
          if (last.sourceCommit && last.sourceCommit !== ctx.sourceCommit && (await isAncestor(ctx.sourceCommit, last.sourceCommit, ctx))) {
            throw new ToolError(
              `${secrets.scrub(git.url)} already holds a release built from ${last.sourceCommit.slice(0, 12)}, which is newer than this commit`,
              {
                hint: "nothing of this target was pushed; publish from the newer commit instead",
              },
            );
          }
          const again = await planRelease(
            ctx,
            plan.target,
            plan.target.publish.npm ? plan.last : last,
            !plan.target.publish.npm && !git.tag,
          );
          return again.files ? { version: again.gitVersion, files: again.files, message: again.message } : undefined;
        });
        const where = `${secrets.scrub(git.url)} (branch ${git.branch}${git.directory === "." ? "" : `, directory ${git.directory}`})`;
        if (result.outcome === "pushed") {
          p.gitChanges = result.changes;
          const tag = git.tag && result.version ? `, tag v${result.version}` : "";
          done.push(
            `pushed commit ${result.commit.slice(0, 12)}${tag} with ${result.changes.length} changed file(s) to ${where}${result.attempts > 1 ? ` after ${result.attempts} attempts` : ""}`,
          );
        } else {
          done.push(`nothing changed in ${where}`);
        }
      }
      const changed = done.some((d) => d.startsWith("published") || d.startsWith("pushed"));
      entries.push({
        plan,
        status: changed ? "published" : "unchanged",
        gitChanges: p.gitChanges,
        detail: done.join("; ") || "nothing to release",
      });
    } catch (e) {
      failed = true;
      const message = secrets.scrub(e instanceof Error ? e.message : String(e));
      entries.push({ plan, status: "failed", gitChanges: p.gitChanges, detail: message, error: e });
    }
  }
  return { dryRun: false, entries };
}

async function hasCommit(commit: string, ctx: PlanContext): Promise<boolean> {
  return (await gitMaybe(["cat-file", "-e", `${commit}^{commit}`], ctx.repoRoot)) !== undefined;
}

async function isAncestor(older: string, newer: string, ctx: PlanContext): Promise<boolean> {
  return (await gitMaybe(["merge-base", "--is-ancestor", older, newer], ctx.repoRoot)) !== undefined;
}

async function withPackageDir<T>(files: FileMap, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "protogov-pkg-"));
  try {
    for (const [name, content] of files) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `protogov publish`: plans every selected target first (last release,
 * version, changelog, files, git changes: nothing remote touched), then
 * publishes target by target, each to its destinations in registry order
 * (destinations/index.ts: npm before git), and stops at the first failure.
 * Each target is all-or-nothing by itself (one `npm publish`; one atomic git
 * push of commit and tag), so the report says exactly which targets are out,
 * which failed and which were not attempted.
 */
import type { ApiDiff } from "../../engines/diff/api-diff.js";
import type { TargetConfig } from "../../model/config/target-config.js";
import { InputError, isProtogovError } from "../../model/errors.js";
import { onInterrupt } from "../../model/fs/lifecycle.js";
import { openGeneration } from "../generate/generate-targets.js";
import type { DestinationSession } from "./destinations/destination.js";
import type { FileChange } from "./destinations/git-repo.js";
import { DESTINATIONS } from "./destinations/index.js";
import type { PublishEntry, PublishReport } from "./publish-report.js";
import { type PlanContext, planRelease, type ReleasePlan } from "./release-plan.js";
import { apiDiffSince, sourceState } from "./release-source.js";
import { Secrets } from "./secrets.js";

export interface PublishOptions {
  cwd: string;
  configFile?: string | undefined;
  names: readonly string[];
  dryRun: boolean;
}

interface Prepared {
  plan: ReleasePlan;
  /** The target's destinations, opened, in registry order. */
  sessions: DestinationSession[];
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
      const destinations = DESTINATIONS.filter((d) => d.configured(target));
      if (destinations.length === 0) continue;
      const sessions: DestinationSession[] = [];
      try {
        for (const d of destinations) sessions.push(await d.open(target, { plan: ctx, secrets, dryRun: opts.dryRun }));
        const first = await sessions[0]?.lastRelease();
        // The first destination's CHANGELOG.md, else another's (an npm release made before protogov wrote one).
        const changelog =
          first?.changelog ?? (await Promise.all(sessions.slice(1).map((s) => s.lastRelease()))).find((l) => l?.changelog)?.changelog;
        const last = first ? { ...first, changelog } : undefined;
        const plan = await planRelease(ctx, target, last, untagged(target));
        const staged = await Promise.all(sessions.map((session) => session.stage(plan)));
        const gitChanges = staged.find((changes) => changes !== undefined);
        if (!opts.dryRun) refuseForeign(target, gitChanges);
        prepared.push({ plan, sessions, gitChanges });
      } catch (e) {
        for (const session of sessions) session.dispose();
        throw e;
      }
    }
    if (opts.dryRun) return { dryRun: true, entries: prepared.map((p) => planned(p)) };
    return scrubbed(await execute(prepared), secrets);
  } catch (e) {
    if (isProtogovError(e)) throw e;
    throw new Error(secrets.scrub(e instanceof Error ? e.message : String(e)));
  } finally {
    for (const p of prepared) for (const session of p.sessions) session.dispose();
    generation.dispose();
  }
}

/** Files protogov did not publish are replaced or deleted only with `replace_foreign: true`. */
export function foreignChanges(target: TargetConfig, changes: readonly FileChange[] | undefined): FileChange[] {
  if (target.publish.git?.replaceForeign) return [];
  return (changes ?? []).filter((c) => c.foreign);
}

function refuseForeign(target: TargetConfig, changes: readonly FileChange[] | undefined): void {
  const foreign = foreignChanges(target, changes);
  if (foreign.length === 0) return;
  const git = target.publish.git;
  const listed = foreign.slice(0, 5).map((c) => `${c.path} (${c.status === "deleted" ? "would be deleted" : "would be replaced"})`);
  throw new InputError(
    `target ${target.name}: directory "${git?.directory ?? "."}" of branch ${git?.branch ?? ""} holds ${foreign.length} file(s) protogov did not publish: ${listed.join(", ")}${foreign.length > 5 ? ", ..." : ""}; nothing was published`,
    {
      hint: "publish into a directory of its own (publish.git.directory), or set publish.git.replace_foreign: true to replace those files",
    },
  );
}

function planned(p: Prepared): PublishEntry {
  return { plan: p.plan, status: "planned", gitChanges: p.gitChanges, detail: "" };
}

/** A git-only target with tagging off is a branch of files (a docs site): no versions. */
function untagged(target: TargetConfig): boolean {
  return !target.publish.npm && target.publish.git?.tag === false;
}

/** Targets in the order of their first destination (all npm targets before git-only ones). */
function firstDestination(plan: ReleasePlan): number {
  return DESTINATIONS.findIndex((d) => d.configured(plan.target));
}

async function execute(prepared: Prepared[]): Promise<PublishReport> {
  const order = [...prepared].sort((a, b) => firstDestination(a.plan) - firstDestination(b.plan));
  const entries: PublishEntry[] = [];
  let failed = false;
  let current: string | undefined;
  // A signal (lifecycle.ts) stops npm and git with us: say what is out and what is not.
  const forget = onInterrupt(() => interruptedNote(entries, current, order));
  try {
    for (const p of order) {
      current = p.plan.target.name;
      await executeOne(p, entries, failed);
      failed ||= entries.at(-1)?.status === "failed";
    }
  } finally {
    forget();
  }
  return { dryRun: false, entries };
}

/** The interrupted publish in one line per state: published, stopped mid-way, not attempted. */
function interruptedNote(entries: readonly PublishEntry[], current: string | undefined, order: readonly Prepared[]): string {
  const finished = new Set(entries.map((e) => e.plan.target.name));
  const out = entries.filter((e) => e.status === "published").map((e) => `${e.plan.target.name}@${e.plan.version ?? "untagged"}`);
  const stopped = current && !finished.has(current) ? current : undefined;
  const pending = order.map((p) => p.plan.target.name).filter((n) => !finished.has(n) && n !== stopped);
  return [
    `publish: published before the signal: ${out.length > 0 ? out.join(", ") : "nothing"}`,
    ...(stopped
      ? [
          `publish: stopped while publishing ${stopped}: it may be partly out (npm and git are all-or-nothing per push; run publish again to complete it)`,
        ]
      : []),
    `publish: not attempted: ${pending.length > 0 ? pending.join(", ") : "nothing"}`,
  ].join("\n  ");
}

async function executeOne(p: Prepared, entries: PublishEntry[], failed: boolean): Promise<void> {
  const { plan } = p;
  if (failed) {
    entries.push({ plan, status: "not-attempted", gitChanges: p.gitChanges, detail: "an earlier target failed" });
    return;
  }
  try {
    const done: string[] = [];
    for (const session of p.sessions) {
      const result = await session.publish(plan);
      done.push(...result.done);
      if (result.changes) p.gitChanges = result.changes;
    }
    const changed = done.some((d) => d.startsWith("published") || d.startsWith("pushed"));
    entries.push({
      plan,
      status: changed ? "published" : "unchanged",
      gitChanges: p.gitChanges,
      detail: done.join("; ") || "nothing to release",
    });
  } catch (e) {
    entries.push({ plan, status: "failed", gitChanges: p.gitChanges, detail: e instanceof Error ? e.message : String(e), error: e });
  }
}

/** Failure details come from git and npm: scrubbed of every token before anyone sees them. */
function scrubbed(report: PublishReport, secrets: Secrets): PublishReport {
  return { ...report, entries: report.entries.map((e) => (e.status === "failed" ? { ...e, detail: secrets.scrub(e.detail) } : e)) };
}

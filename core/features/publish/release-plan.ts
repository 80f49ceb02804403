/**
 * What one target's release would be: the last release (npm: the registry;
 * git: the latest `v*` tag), the API diff since the source commit recorded in
 * it, the next version, the changelog and the files. Nothing remote is
 * changed here; dry runs stop after this.
 */

import type { ApiDiff, SemverBump } from "../../engines/diff/api-diff.js";
import { renderChangelog } from "../../engines/diff/render-changelog.js";
import type { TargetConfig } from "../../model/config/target-config.js";
import { PROTOGOV_VERSION } from "../../model/version.js";
import { contentHash } from "../generate/content-hash.js";
import type { Generation } from "../generate/generate-targets.js";
import type { FileMap } from "../generate/run-plugins.js";
import { changelogFile } from "./changelog-file.js";
import { CONTENT_TRAILER, SOURCE_TRAILER } from "./destinations/git-repo.js";
import { nextVersion } from "./release-version.js";

export interface LastRelease {
  version: string | undefined;
  sourceCommit: string | undefined;
  /** The fingerprint of its generated output, when the release recorded one. */
  contentHash?: string | undefined;
  /** Its CHANGELOG.md, when the destination can read it back (git). */
  changelog?: string | undefined;
}

export interface ReleasePlan {
  target: TargetConfig;
  last: LastRelease | undefined;
  bump: SemverBump;
  /** undefined: nothing to release (no API change since the last release). */
  version: string | undefined;
  /**
   * The version the git side tags: `version`, or for a target also published to npm whose npm
   * release is already out (an earlier run stopped before its git push), that release.
   */
  gitVersion: string | undefined;
  changelog: string;
  files: FileMap | undefined;
  /** For git: the commit message (source commit and changelog in it). */
  message: string;
}

export interface PlanContext {
  generation: Generation;
  sourceCommit: string;
  repoRoot: string;
  /** The API diff since a commit (memoized by the caller). */
  diffSince(commit: string): Promise<ApiDiff>;
}

export async function planRelease(
  ctx: PlanContext,
  target: TargetConfig,
  last: LastRelease | undefined,
  untagged = false,
): Promise<ReleasePlan> {
  let bump: SemverBump;
  let changelog: string;
  if (!last || (last.version === undefined && !last.sourceCommit)) {
    bump = "major";
    changelog = "Initial release.\n";
  } else if (!last.sourceCommit) {
    bump = "patch";
    changelog = `The last release (${last.version ?? "untagged"}) records no source commit: released as a patch.\n`;
  } else if (last.sourceCommit === ctx.sourceCommit) {
    bump = "none";
    changelog = "No change since the last release.\n";
  } else {
    const diff = await ctx.diffSince(last.sourceCommit);
    bump = diff.bump;
    changelog = renderChangelog(diff, "markdown");
  }
  if (bump === "none" && last?.contentHash && !untagged) {
    // No API change, but the generated code may have changed (a protogov upgrade, new plugin options).
    // Built as the last release was (a Go module's path carries its major version).
    const current = contentHash(
      await ctx.generation.build(target, last.version ? { version: last.version, sourceCommit: undefined } : undefined),
    );
    if (current !== last.contentHash) {
      bump = "patch";
      changelog = `No API change. The generated code changed (protogov ${PROTOGOV_VERSION}, or the target's plugins or options): released as a patch.\n`;
    }
  }
  const version = untagged
    ? undefined
    : nextVersion({ last: last?.version, bump, initial: target.version.initial, prerelease: target.version.prerelease });
  const releaseVersion = version ?? last?.version;
  const files =
    version !== undefined || untagged || target.publish.git
      ? await ctx.generation.build(target, releaseVersion ? { version: releaseVersion, sourceCommit: ctx.sourceCommit } : undefined)
      : undefined;
  const gitVersion = version ?? (target.publish.npm ? last?.version : undefined);
  const message = commitMessage(target, gitVersion, version ? last : undefined, ctx.sourceCommit, changelog, files);
  // After the commit message: its content hash leaves CHANGELOG.md out anyway.
  const entry = version ? { version, bump, sourceCommit: ctx.sourceCommit, changes: changelog } : undefined;
  const changelogText = files ? changelogFile(last?.changelog, entry) : undefined;
  if (files && changelogText !== undefined) files.set("CHANGELOG.md", new TextEncoder().encode(changelogText));
  return { target, last, bump, version, gitVersion, changelog, files, message };
}

function commitMessage(
  target: TargetConfig,
  version: string | undefined,
  last: LastRelease | undefined,
  source: string,
  changelog: string,
  files: FileMap | undefined,
): string {
  const title = version ? `${target.name}: v${version}` : `${target.name}: update from ${source.slice(0, 12)}`;
  const since = last?.version ? ` since v${last.version}` : "";
  return [
    title,
    "",
    `Generated by protogov ${PROTOGOV_VERSION} from API commit ${source}.`,
    "",
    `Changes${since}:`,
    "",
    changelog.trim(),
    "",
    `${SOURCE_TRAILER}: ${source}`,
    ...(version ? [`Protogov-Version: ${version}`] : []),
    ...(files ? [`${CONTENT_TRAILER}: ${contentHash(files)}`] : []),
  ].join("\n");
}

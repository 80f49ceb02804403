/**
 * A publish destination: where a target's release goes (a package registry,
 * a git repository). run-publish.ts drives every destination the same way:
 * open each one a target is configured for (credentials, clone; nothing
 * remote changes), read the last release from the first that records one,
 * plan, stage (the dry run stops here), then publish in registry order.
 * Adding a destination is one file in this folder plus its line in index.ts.
 */
import type { TargetConfig } from "../../../model/config/target-config.js";
import type { LastRelease, PlanContext, ReleasePlan } from "../release-plan.js";
import type { Secrets } from "../secrets.js";
import type { FileChange } from "./git-repo.js";

export interface DestinationContext {
  plan: PlanContext;
  secrets: Secrets;
  dryRun: boolean;
}

export interface PublishDestination {
  /** The key under a target's `publish:` in protogov.yaml. */
  name: string;
  /** Whether the target publishes here. */
  configured(target: TargetConfig): boolean;
  /** Prepares publishing one target; changes nothing remote. */
  open(target: TargetConfig, ctx: DestinationContext): Promise<DestinationSession>;
}

export interface DestinationSession {
  /** The last release this destination records (undefined: none yet). */
  lastRelease(): Promise<LastRelease | undefined>;
  /** Prepares the release's files; what would change (git) is shown by the dry run. */
  stage(plan: ReleasePlan): Promise<FileChange[] | undefined>;
  /**
   * Publishes the planned release. Returns what was done, one line each; a
   * line starting with "published" or "pushed" means the destination changed.
   */
  publish(plan: ReleasePlan): Promise<{ done: string[]; changes?: FileChange[] | undefined }>;
  dispose(): void;
}

/**
 * The changelog page's input from the API diff: `protogov docs --against REF`
 * runs the same diff as `protogov diff` (core/features/pipeline/checks.ts, diff only)
 * and turns its changes into changelog entries. Internal changes (ones no
 * consumer can observe) are left out, as they are of a release changelog's
 * reader-facing part.
 */

import type { ChangeKind, ChangelogEntry, ChangelogInput } from "../../../plugins/docs/changelog-page.js";
import type { ApiChange, ApiDiff } from "../../engines/diff/api-diff.js";
import { InputError } from "../../model/errors.js";
import type { Project } from "../../model/project/project.js";
import { type HeadImage, runChecks } from "../pipeline/checks.js";

export interface ApiChangelogOptions {
  cwd: string;
  configFile?: string | undefined;
  paths?: readonly string[] | undefined;
  /** A git ref, a directory of base protos or a buf image, as for `protogov diff`. */
  against: string;
}

/** The compiled head, handed to `render` while its image still exists. */
export interface CompiledHead {
  imagePath: string;
  project: Project;
}

/**
 * The changelog since `against`. With `render`, it also gets the head image the
 * diff was computed from, with the changelog, so the caller does not compile again.
 */
export async function apiChangelog(
  opts: ApiChangelogOptions,
  render?: (head: CompiledHead, changelog: ChangelogInput | undefined) => Promise<void>,
): Promise<ChangelogInput | undefined> {
  const withHeadImage = render
    ? ({ imagePath, scope, diff }: HeadImage) =>
        render({ imagePath, project: scope.project }, scope.base && diff ? changelogFromDiff(diff, scope.base.label) : undefined)
    : undefined;
  const result = await runChecks(
    { cwd: opts.cwd, configFile: opts.configFile, paths: [...(opts.paths ?? [])], against: opts.against, all: true, base: "optional" },
    { format: false, lint: false, breaking: true, diffOnly: true, ...(withHeadImage ? { withHeadImage } : {}) },
  );
  const compileError = result.findings.find((f) => f.rule === "COMPILE");
  if (compileError) {
    throw new InputError(`the protos do not compile: ${compileError.message}`, {
      location: { file: compileError.file, line: compileError.line, column: compileError.column },
      hint: "run `protogov lint` to see every compile error",
    });
  }
  const base = result.scope.base;
  if (!base || !result.diff) return undefined;
  return changelogFromDiff(result.diff, base.label);
}

export function changelogFromDiff(diff: ApiDiff, base: string): ChangelogInput {
  const entries: ChangelogEntry[] = diff.changes
    .filter((c) => c.classification !== "internal")
    .map((c) => ({
      kind: kindOf(c),
      element: c.name,
      package: c.package ?? "",
      message: c.message,
      breaking: c.classification === "breaking",
    }));
  return { base, bump: diff.bump, entries };
}

function kindOf(change: ApiChange): ChangeKind {
  return change.rule === "DEPRECATION_ADDED" ? "deprecated" : change.kind;
}

/**
 * The API commit a release is built from, and the API diff between the
 * commit recorded in the last release and now, computed by the same engine as
 * `protogov diff` (core/engines/diff through the check pipeline).
 */
import type { ApiDiff } from "../../engines/diff/api-diff.js";
import { gitMaybe } from "../../engines/git/git.js";
import { InputError } from "../../model/errors.js";
import { runChecks } from "../pipeline/checks.js";

export interface SourceState {
  /** HEAD of the API repository, or undefined outside git. */
  commit: string | undefined;
  repoRoot: string | undefined;
  /** Uncommitted changes to the project's protos and config (`git status --porcelain`). */
  dirty: string[];
}

export async function sourceState(projectRoot: string): Promise<SourceState> {
  const repoRoot = await gitMaybe(["rev-parse", "--show-toplevel"], projectRoot);
  if (!repoRoot) return { commit: undefined, repoRoot: undefined, dirty: [] };
  const commit = await gitMaybe(["rev-parse", "HEAD"], projectRoot);
  // Only what a release is built from: generated output lying in the tree does not count.
  const status =
    (await gitMaybe(["status", "--porcelain", "--", "*.proto", "protogov.yaml", "buf.yaml", "buf.work.yaml"], projectRoot)) ?? "";
  return { commit, repoRoot, dirty: status.split("\n").filter((l) => l.trim() !== "") };
}

/** The API diff from `since` (a commit of the API repository) to the working tree. */
export async function apiDiffSince(cwd: string, configFile: string | undefined, since: string, repoRoot: string): Promise<ApiDiff> {
  if (!(await commitExists(since, repoRoot))) {
    throw new InputError(`the last release was built from commit ${since.slice(0, 12)}, which this clone does not have`, {
      hint: "fetch the full history (actions/checkout: fetch-depth: 0; GitLab: GIT_DEPTH: 0) so the API diff since that release can be computed",
    });
  }
  const result = await runChecks(
    { cwd, configFile, against: since, all: true, base: "required" },
    { format: false, lint: false, breaking: true, diffOnly: true },
  );
  const compile = result.findings.find((f) => f.rule === "COMPILE");
  if (compile) {
    throw new InputError(`the protos do not compile: ${compile.message}`, { location: { file: compile.file, line: compile.line } });
  }
  return result.diff ?? { changes: [], bump: "none" };
}

async function commitExists(commit: string, repoRoot: string): Promise<boolean> {
  return (await gitMaybe(["rev-parse", "--verify", "--quiet", `${commit}^{commit}`], repoRoot)) !== undefined;
}

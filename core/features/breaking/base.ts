/**
 * Finds what to compare against: `--against` (a git ref, a directory or an
 * image file), else the CI's base branch (GITHUB_BASE_REF,
 * CI_MERGE_REQUEST_TARGET_BRANCH_NAME), else the merge-base with the default
 * branch. Shallow CI clones get the missing history fetched, or an error that
 * says how to fetch it.
 */
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { git, gitMaybe } from "../../engines/git/git.js";
import { InputError } from "../../model/errors.js";

export type Base =
  | { kind: "git"; commit: string; label: string; repoRoot: string }
  | { kind: "dir"; path: string; label: string }
  | { kind: "image"; path: string; label: string };

export async function resolveBase(against: string | undefined, cwd: string): Promise<Base | undefined> {
  if (against !== undefined) {
    const asPath = resolve(cwd, against);
    if (existsSync(asPath)) {
      return statSync(asPath).isDirectory()
        ? { kind: "dir", path: asPath, label: against }
        : { kind: "image", path: asPath, label: against };
    }
  }
  const repoRoot = await gitMaybe(["rev-parse", "--show-toplevel"], cwd);
  if (!repoRoot) {
    if (against === undefined) return undefined;
    throw new InputError(`--against ${against} is neither a path nor a git ref (${cwd} is not in a git repository)`, {
      hint: "pass a directory holding the base protos, a buf image, or run inside the git repository",
    });
  }
  if (against !== undefined) return { kind: "git", commit: await resolveRef(against, repoRoot), label: against, repoRoot };
  const ciBranch = process.env["GITHUB_BASE_REF"] || process.env["CI_MERGE_REQUEST_TARGET_BRANCH_NAME"];
  if (ciBranch) {
    const commit = await resolveRef(`origin/${ciBranch}`, repoRoot, ciBranch);
    const base = await mergeBase(commit, repoRoot);
    return { kind: "git", commit: base, label: `${ciBranch} (merge-base)`, repoRoot };
  }
  const defaultBranch = (await findDefaultBranch(repoRoot)) ?? (await fetchRemoteDefaultBranch(repoRoot));
  if (!defaultBranch) return undefined;
  const tip = await gitMaybe(["rev-parse", "--verify", "--quiet", `${defaultBranch}^{commit}`], repoRoot);
  if (!tip) return undefined;
  const base = await mergeBase(tip, repoRoot);
  return { kind: "git", commit: base, label: `${defaultBranch} (merge-base)`, repoRoot };
}

async function findDefaultBranch(repoRoot: string): Promise<string | undefined> {
  const originHead = await gitMaybe(["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"], repoRoot);
  if (originHead) return originHead;
  for (const candidate of ["origin/main", "origin/master", "main", "master"]) {
    if (await gitMaybe(["rev-parse", "--verify", "--quiet", `${candidate}^{commit}`], repoRoot)) return candidate;
  }
  return undefined;
}

/**
 * A shallow single-branch CI clone (`git clone --depth 1 --branch feature`) has neither origin/HEAD
 * nor the default branch: origin names its HEAD branch, which is fetched like a CI base branch.
 */
async function fetchRemoteDefaultBranch(repoRoot: string): Promise<string | undefined> {
  if ((await gitMaybe(["rev-parse", "--is-shallow-repository"], repoRoot)) !== "true") return undefined;
  const remoteHead = await gitMaybe(["ls-remote", "--symref", "origin", "HEAD"], repoRoot);
  const branch = /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(remoteHead ?? "")?.[1];
  if (!branch) return undefined;
  const fetched = await git(
    ["fetch", "--quiet", "--no-tags", "--depth=50", "origin", `+refs/heads/${branch}:refs/remotes/origin/${branch}`],
    repoRoot,
  );
  return fetched.code === 0 ? `origin/${branch}` : undefined;
}

/** A ref to a commit id; in a shallow clone, fetches the branch when it is missing. */
async function resolveRef(ref: string, repoRoot: string, branchToFetch?: string): Promise<string> {
  const found = await gitMaybe(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], repoRoot);
  if (found) return found;
  const branch = branchToFetch ?? ref.replace(/^origin\//, "");
  const hasOrigin = await gitMaybe(["remote", "get-url", "origin"], repoRoot);
  if (hasOrigin) {
    const fetched = await git(
      ["fetch", "--quiet", "--no-tags", "--depth=50", "origin", `+refs/heads/${branch}:refs/remotes/origin/${branch}`],
      repoRoot,
    );
    if (fetched.code === 0) {
      const commit = await gitMaybe(["rev-parse", "--verify", "--quiet", `origin/${branch}^{commit}`], repoRoot);
      if (commit) return commit;
    }
  }
  throw new InputError(`base ref "${ref}" does not exist in this repository`, {
    hint: `check the name, or fetch it first: git fetch origin ${branch} (in CI, use a clone with history, e.g. actions/checkout with fetch-depth: 0)`,
  });
}

/** The merge-base of HEAD and `commit`, deepening a shallow clone a few times if needed. */
async function mergeBase(commit: string, repoRoot: string): Promise<string> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const base = await gitMaybe(["merge-base", "HEAD", commit], repoRoot);
    if (base) return base;
    const shallow = await gitMaybe(["rev-parse", "--is-shallow-repository"], repoRoot);
    if (shallow !== "true") break;
    const deepened = await git(["fetch", "--quiet", "--no-tags", "--deepen=100", "origin"], repoRoot);
    if (deepened.code !== 0) break;
  }
  throw new InputError(`no common ancestor between HEAD and ${commit.slice(0, 12)}`, {
    hint: "fetch more history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout), or pass --against explicitly",
  });
}

/**
 * Release tags of a repository: the tags matching a glob (`v*`), each with the
 * commit it points at and that commit's committer date, newest first. Dates
 * are the commit's, not the tag's: lightweight tags have none, and "released
 * N days ago" means the code in the release is that old.
 */
import { gitText } from "./git.js";

export interface ReleaseTag {
  tag: string;
  commit: string;
  /** Committer date of the tagged commit. */
  date: Date;
}

export async function releaseTags(repoRoot: string, pattern: string): Promise<ReleaseTag[]> {
  const out = await gitText(
    [
      "for-each-ref",
      "--sort=-committerdate",
      "--format=%(refname:short)%09%(*objectname)%09%(objectname)%09%(committerdate:iso-strict)%09%(*committerdate:iso-strict)",
      `refs/tags/${pattern}`,
    ],
    repoRoot,
  );
  const tags: ReleaseTag[] = [];
  for (const line of out.split("\n")) {
    if (line.trim() === "") continue;
    const [tag = "", peeled = "", object = "", date = "", peeledDate = ""] = line.split("\t");
    // annotated tags point at a tag object: the peeled (*) fields name the commit
    tags.push({ tag, commit: peeled || object, date: new Date(peeledDate || date) });
  }
  return tags.sort((a, b) => b.date.getTime() - a.date.getTime() || (a.tag < b.tag ? 1 : -1));
}

/** The committer date of a commit (HEAD by default). */
export async function commitDate(repoRoot: string, ref = "HEAD"): Promise<Date> {
  return new Date((await gitText(["show", "-s", "--format=%cI", ref], repoRoot)).trim());
}

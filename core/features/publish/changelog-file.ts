/**
 * The CHANGELOG.md that every release adds to its package or repository:
 * the newest release first (version, bump, API commit, the API diff as
 * `protogov diff` groups it), then the releases before it as the last
 * release's CHANGELOG.md had them. The file is read back from the last
 * release (git: the tagged tree), so it grows with each release; it is left
 * out of the content hash (content-hash.ts), so it never causes a release.
 */
import type { SemverBump } from "../../engines/diff/api-diff.js";

const TITLE = "# Changelog";

export interface ChangelogEntry {
  version: string;
  bump: SemverBump;
  sourceCommit: string;
  /** The API diff as Markdown (render-changelog.ts), or a sentence. */
  changes: string;
}

/** The releases a CHANGELOG.md lists, without its title. */
function releasesOf(previous: string | undefined): string {
  if (!previous) return "";
  const body = previous.startsWith(TITLE) ? previous.slice(TITLE.length) : previous;
  return body.trim();
}

/**
 * The new CHANGELOG.md: `entry` on top of `previous`; without an entry (no
 * release, the same tree published again) `previous` unchanged, so a re-run
 * changes nothing.
 */
export function changelogFile(previous: string | undefined, entry: ChangelogEntry | undefined): string | undefined {
  if (!entry) return previous;
  const bump = entry.bump === "none" ? "no API change" : entry.bump;
  // Headings of the diff move one level down, under the release's own.
  const changes = entry.changes.trim().replace(/^(#+) /gm, "##$1 ");
  const head = [`## ${entry.version} (${bump})`, "", `Built from API commit ${entry.sourceCommit}.`, "", changes].join("\n");
  const rest = releasesOf(previous);
  return `${TITLE}\n\n${head}\n${rest ? `\n${rest}\n` : ""}`;
}

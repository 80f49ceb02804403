/**
 * Conventional-commit tags per change, as Google's proto-breaking-change-detector
 * assigns them (its ConventionalCommitTag; googleapis commit messages such as
 * "feat: A new field `x` is added to message `.pkg.M`" come from it):
 * - feat!: a breaking change that adds something: a new REQUIRED field
 *   (NEW_REQUIRED_FIELD), any other element added that breaks;
 * - fix!: every other breaking change (removals, changed types, options);
 * - feat: an addition or other feature;
 * - docs: comments and other documentation-only changes (documented field
 *   behaviour, resource plural/singular, error message texts);
 * - chore: internal changes nobody can observe (imports, reserved ranges).
 * The tag follows protogov's classification, so a configured classification
 * moves the tag with it; deprecations are features here (minor release, see
 * classification.ts) and so `feat`, where the detector's comment suggests fix.
 */
import type { ApiChange, Classification, SemverBump } from "./api-diff.js";

export type CommitTag = "feat!" | "fix!" | "feat" | "fix" | "docs" | "chore";

export const COMMIT_TAGS: readonly CommitTag[] = ["feat!", "fix!", "feat", "fix", "docs", "chore"];

/** Options set on an existing element are changes to it, not new elements (the detector's FIELD_BEHAVIOR_CHANGE is fix!). */
const NOT_AN_ADDITION = /^(OPTION_|PACKAGING_OPTION_)/;

export function commitTag(rule: string, kind: ApiChange["kind"], classification: Classification): CommitTag {
  switch (classification) {
    case "breaking":
      return kind === "added" && !NOT_AN_ADDITION.test(rule) ? "feat!" : "fix!";
    case "feature":
      return "feat";
    case "docs":
      return "docs";
    case "internal":
      return "chore";
  }
}

/** The semver bump a tag announces: `!` major, feat minor, fix patch, docs and chore none. */
export function tagBump(tag: CommitTag): SemverBump {
  if (tag.endsWith("!")) return "major";
  if (tag === "feat") return "minor";
  return tag === "fix" ? "patch" : "none";
}

/** One line per change in the googleapis commit style, the breaking ones first: "fix!: An existing field ...". */
export function commitLines(changes: readonly ApiChange[]): string[] {
  const rank = (c: ApiChange) => COMMIT_TAGS.indexOf(c.tag ?? commitTag(c.rule, c.kind, c.classification));
  return [...changes]
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
    .map(({ c }) => `${c.tag ?? commitTag(c.rule, c.kind, c.classification)}: ${c.message}`);
}

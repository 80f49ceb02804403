/**
 * Does a commit message (or PR / MR title) announce the change it ships?
 * Conventional commits drive release tooling (release-please, semantic-release):
 * a breaking change merged as "fix: ..." ships as a patch and breaks every
 * consumer that trusted the version number. The check fails when the message
 * understates the API diff:
 * - the diff implies a major bump (breaking changes in a stable package) and
 *   the message has neither `!` after its type nor a `BREAKING CHANGE:` /
 *   `BREAKING-CHANGE:` footer;
 * - the diff implies a minor bump (features) and the message is conventional
 *   (`type(scope): ...`) but neither `feat` nor breaking.
 * A message that is not conventional at all is only held to the first rule:
 * the project may not use conventional commits, but a break must still say so.
 * Overstating (`feat!` for a docs change) is allowed: it costs a version
 * number, not a consumer.
 */
import type { ApiChange, ApiDiff, SemverBump } from "../../engines/diff/api-diff.js";
import { changeBump } from "../../engines/diff/bump.js";
import { commitTag } from "../../engines/diff/commit-tags.js";
import type { Finding } from "../../model/findings/finding.js";

export interface ParsedMessage {
  /** The first non-empty line. */
  header: string;
  /** `feat`, `fix`, `docs`... or undefined when the header is not conventional. */
  type: string | undefined;
  breaking: boolean;
}

const HEADER = /^([a-zA-Z]+)(\([^)]*\))?(!)?:\s*\S/;
const FOOTER = /^BREAKING[ -]CHANGE:/m;

export function parseCommitMessage(text: string): ParsedMessage {
  const header =
    text
      .split(/\r?\n/)
      .find((l) => l.trim() !== "")
      ?.trim() ?? "";
  const m = HEADER.exec(header);
  return { header, type: m?.[1]?.toLowerCase(), breaking: m?.[3] === "!" || FOOTER.test(text) };
}

const RANK: Record<SemverBump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

/** The bump a message announces, as far as the check holds it to (see the module comment). */
function announced(m: ParsedMessage): SemverBump {
  if (m.breaking) return "major";
  if (m.type === undefined) return "minor";
  return m.type === "feat" ? "minor" : "patch";
}

/** A finding when `message` understates `diff`, else undefined. `semver` is the project's alpha/beta policy. */
export function checkCommitMessage(
  message: string,
  diff: ApiDiff,
  source: string,
  semver: Parameters<typeof changeBump>[1] = {},
): Finding | undefined {
  const parsed = parseCommitMessage(message);
  if (RANK[announced(parsed)] >= RANK[diff.bump]) return undefined;
  const worst = diff.changes.find((c) => changeBump(c, semver) === diff.bump);
  if (!worst) return undefined;
  const tag = suggestedTag(worst, diff.bump);
  const shown = parsed.header === "" ? "(empty)" : `"${parsed.header}"`;
  const rest = parsed.header.replace(/^[a-zA-Z]+(\([^)]*\))?!?:\s*/, "");
  return {
    rule: "COMMIT_MESSAGE_UNDERSTATES",
    severity: "error",
    file: source,
    line: source === "" ? 0 : 1,
    column: 0,
    message: `The commit message ${shown} announces less than a ${diff.bump} change: ${worst.message} (${tag})`,
    hint:
      diff.bump === "major"
        ? `start it with "${tag}: ${rest || "..."}" or add a "BREAKING CHANGE: <what breaks>" footer; \`protogov diff --format commit\` lists every change with its tag`
        : `start it with "feat: ${rest || "..."}"; \`protogov diff --format commit\` lists every change with its tag`,
    source: "protogov",
  };
}

function suggestedTag(change: ApiChange, bump: SemverBump): string {
  const tag = change.tag ?? commitTag(change.rule, change.kind, change.classification);
  return bump === "major" ? tag : "feat";
}

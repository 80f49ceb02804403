/**
 * The changelog page's input: what changed in the API since a base. The site
 * builder takes it as data and knows nothing of how it was computed;
 * `protogov docs --against REF` fills it from the API diff (api-changelog.ts).
 * Without it the site has no changelog page.
 */

export type ChangeKind = "added" | "removed" | "changed" | "deprecated";

export interface ChangelogEntry {
  kind: ChangeKind;
  /** Fully qualified proto name of the element (`acme.users.v1.User.email`). */
  element: string;
  /** Package of the element, for grouping. */
  package: string;
  /** One sentence, plain text: "field email changed type from string to bytes". */
  message: string;
  /** True when the change breaks existing clients. */
  breaking: boolean;
}

export interface ChangelogInput {
  /** What the docs are compared against, as shown: a git ref, a version, a directory. */
  base: string;
  /** The semver bump the changes imply (`major`, `minor`, `patch`, `none`), when known. */
  bump?: string | undefined;
  entries: ChangelogEntry[];
}

/** The changelog page's view model: entries grouped by package, breaking ones first. */
export interface ChangelogView {
  base: string;
  /** The semver bump, or "" when not known. */
  bump: string;
  total: number;
  breaking: number;
  packages: { name: string; entries: (ChangelogEntry & { link: string | null; parts: MessagePart[] })[] }[];
}

/** A piece of a change's message: `code` pieces were in backticks (names), the rest is prose. Templates escape both. */
export interface MessagePart {
  text: string;
  code: boolean;
}

/** "A new field `email` is added" -> prose, code, prose: the page shows names as code, not raw backticks. */
export function messageParts(message: string): MessagePart[] {
  return message
    .split(/(`[^`]+`)/)
    .filter((piece) => piece !== "")
    .map((piece) =>
      piece.length > 2 && piece.startsWith("`") && piece.endsWith("`")
        ? { text: piece.slice(1, -1), code: true }
        : { text: piece, code: false },
    );
}

/** Groups entries by package (sorted) and links each element that the site documents. */
export function changelogView(input: ChangelogInput, linkOf: (fullName: string) => string | null): ChangelogView {
  const byPackage = new Map<string, ChangelogView["packages"][number]["entries"]>();
  for (const entry of input.entries) {
    const list = byPackage.get(entry.package) ?? [];
    list.push({ ...entry, link: entry.kind === "removed" ? null : linkOf(entry.element), parts: messageParts(entry.message) });
    byPackage.set(entry.package, list);
  }
  const packages = [...byPackage.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, entries]) => ({ name, entries: entries.sort((a, b) => Number(b.breaking) - Number(a.breaking)) }));
  return {
    base: input.base,
    bump: input.bump ?? "",
    total: input.entries.length,
    breaking: input.entries.filter((e) => e.breaking).length,
    packages,
  };
}

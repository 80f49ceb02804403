/**
 * Where each element lives (page and anchor) and how to link to it from
 * another page. Anchors are derived from fully qualified proto names only, so
 * they stay the same across runs and layouts:
 * - types, services, methods, fields, enum values: the full name
 *   (`acme.users.v1.User.Preferences`, `acme.users.v1.User.email`);
 * - packages: `package:<name>`; catalog errors: `error:<enum value full name>`.
 */
import type { DescFile } from "@bufbuild/protobuf";
import type { Layout } from "./model.js";

export const packageAnchor = (pkg: string): string => `package:${pkg}`;
export const errorAnchor = (valueFullName: string): string => `error:${valueFullName}`;

/** The page (output path without extension) of a file's elements. */
export function pageOf(layout: Layout, file: DescFile): string {
  switch (layout) {
    case "package":
      return file.proto.package || "default";
    case "file":
      return file.name;
    case "single":
      return "reference";
  }
}

/** `""` for a top-level page, `"../../"` for `a/b/c`. */
export function rootOf(page: string): string {
  return "../".repeat(page.split("/").length - 1);
}

/**
 * The link from one page to an anchor on another: `#anchor` on the same page,
 * else the relative path with the extension of the output format.
 */
export function linkTo(fromPage: string, toPage: string, anchor: string, ext: string): string {
  const fragment = `#${encodeURI(anchor)}`;
  if (fromPage === toPage) return fragment;
  return `${relativePath(fromPage, toPage)}${ext}${fragment}`;
}

export function relativePath(fromPage: string, toPage: string): string {
  const from = fromPage.split("/").slice(0, -1);
  const to = toPage.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...Array(from.length - common).fill(".."), ...to.slice(common)].join("/");
}

/** A type name as shown from `pkg`: relative when in the same package, else fully qualified. */
export function displayName(fullName: string, pkg: string): string {
  return pkg !== "" && fullName.startsWith(`${pkg}.`) ? fullName.slice(pkg.length + 1) : fullName;
}

/** Documented elements: full name -> page and anchor. */
export class LinkIndex {
  private readonly targets = new Map<string, { page: string; anchor: string }>();

  constructor(readonly ext: string) {}

  add(fullName: string, page: string, anchor: string = fullName): void {
    this.targets.set(fullName, { page, anchor });
  }

  has(fullName: string): boolean {
    return this.targets.has(fullName);
  }

  /** Relative link from `fromPage`, or null when the element is not documented. */
  link(fullName: string, fromPage: string): string | null {
    const t = this.targets.get(fullName);
    return t ? linkTo(fromPage, t.page, t.anchor, this.ext) : null;
  }
}

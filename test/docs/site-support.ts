/**
 * The site the browser test opens: proto-examples and the showcase fixture in
 * one request, so cross-package links, error catalogs, google.api options and
 * the XSS comments are all on it.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChangelogInput } from "../../plugins/docs/changelog-page.js";
import type { DocsModel } from "../../plugins/docs/model.js";
import { examplesDir } from "../support/paths.js";
import { docsFixtures, docsPlugin, generate, protoFiles, protosDir, requestFor, writeTree } from "./support.js";

const showcaseDir = join(docsFixtures, "showcase");

/** What `protogov docs --against` would pass for a new field (see changelog.test.ts for the real diff). */
export const showcaseChangelog: ChangelogInput = {
  base: "main",
  bump: "minor",
  entries: [
    {
      kind: "added",
      element: "acme.users.v1.User.email",
      package: "acme.users.v1",
      message: "A new field `email` is added to message `acme.users.v1.User`.",
      breaking: false,
    },
  ],
};

export function showcaseFiles(parameter: string): Map<string, string> {
  const files = [...protoFiles(examplesDir), ...protoFiles(showcaseDir).filter((f) => f.startsWith("shop/"))];
  return generate(requestFor([examplesDir, showcaseDir, protosDir], files, parameter), docsPlugin({ changelog: showcaseChangelog }));
}

/** Writes the HTML site to a temporary directory; returns it with the package names of the index. */
export function buildShowcaseSite(): { dir: string; packages: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "protogov-docs-site-"));
  writeTree(dir, showcaseFiles("format=html"));
  const model = JSON.parse(showcaseFiles("format=json").get("docs.json") ?? "{}") as DocsModel;
  return { dir, packages: model.packages.map((p) => p.name) };
}

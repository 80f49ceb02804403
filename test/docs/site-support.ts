/**
 * The site the browser test opens: proto-examples and the showcase fixture in
 * one request, so cross-package links, error catalogs, google.api options and
 * the XSS comments are all on it.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DocsModel } from "../../plugins/docs/model.js";
import { examplesDir } from "../support/paths.js";
import { docsFixtures, generate, protoFiles, protosDir, requestFor, writeTree } from "./support.js";

const showcaseDir = join(docsFixtures, "showcase");

export function showcaseFiles(parameter: string): Map<string, string> {
  const files = [...protoFiles(examplesDir), ...protoFiles(showcaseDir).filter((f) => f.startsWith("shop/"))];
  return generate(requestFor([examplesDir, showcaseDir, protosDir], files, parameter));
}

/** Writes the HTML site to a temporary directory; returns it with the package names of the index. */
export function buildShowcaseSite(): { dir: string; packages: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "protogov-docs-site-"));
  writeTree(dir, showcaseFiles("format=html"));
  const model = JSON.parse(showcaseFiles("format=json").get("docs.json") ?? "{}") as DocsModel;
  return { dir, packages: model.packages.map((p) => p.name) };
}

/**
 * The hook (and `check` against a git base) shows errors wherever they are in
 * the files it checks, but warnings only on the elements the change touches: a warning on an element nobody
 * touched is old news, and printing it on every commit teaches people to
 * ignore the hook. Elements come from the staged text (element-outline.ts),
 * so a warning on a field counts as touched when any line of that field's
 * declaration changed; file-wide warnings count when the file is new.
 */

import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { type ChangedLines, changedLines } from "../../engines/git/changed-lines.js";
import { outlineProto } from "../../model/findings/element-outline.js";
import type { Finding } from "../../model/findings/finding.js";
import { type Project, toPosix } from "../../model/project/project.js";
import type { Base } from "../breaking/base.js";

/** `changed`: by project-relative path; a file it does not name is not part of the change. */
export function onTouchedElements(
  findings: readonly Finding[],
  changed: ReadonlyMap<string, ChangedLines>,
  textOf: (file: string) => string | undefined,
): { findings: Finding[]; leftOut: number } {
  const byRel = changed;
  const touchedByFile = new Map<string, { added: boolean; elements: Set<string>; outline: ReturnType<typeof outlineProto> } | undefined>();
  const touchedOf = (file: string) => {
    if (!touchedByFile.has(file)) {
      const lines = byRel.get(file);
      const text = textOf(file);
      if (!lines) {
        // Checked, but not part of the change (an importer checked with it): nothing on it is touched.
        touchedByFile.set(file, { added: false, elements: new Set(), outline: outlineProto("") });
      } else if (text === undefined) {
        touchedByFile.set(file, undefined);
      } else {
        const outline = outlineProto(text);
        touchedByFile.set(file, { added: lines.added, elements: new Set([...lines.lines].map((l) => outline.at(l))), outline });
      }
    }
    return touchedByFile.get(file);
  };
  const kept: Finding[] = [];
  let leftOut = 0;
  for (const f of findings) {
    const touched = f.severity === "warn" && f.file !== "" ? touchedOf(f.file) : undefined;
    // Errors, and warnings we cannot place, are always shown.
    if (!touched || touched.added || (f.line > 0 && touched.elements.has(touched.outline.at(f.line)))) {
      kept.push(f);
    } else {
      leftOut++;
    }
  }
  return { findings: kept, leftOut };
}

/**
 * `check` against a git base: warnings only on the elements the work tree
 * changes since the base. Other bases (a directory, an image) have no line
 * history: every warning stays.
 */
export async function onElementsChangedSince(
  findings: readonly Finding[],
  project: Pick<Project, "root" | "inScope">,
  base: Base | undefined,
): Promise<{ findings: Finding[]; leftOut: number }> {
  if (base?.kind !== "git") return { findings: [...findings], leftOut: 0 };
  const repoPathOf = new Map(project.inScope.map((f) => [toPosix(relative(base.repoRoot, f.abs)), f.rel]));
  const changed = await changedLines([base.commit], [...repoPathOf.keys()], base.repoRoot);
  const byRel = new Map<string, ChangedLines>();
  for (const [repoPath, lines] of changed) {
    const rel = repoPathOf.get(repoPath);
    if (rel !== undefined) byRel.set(rel, lines);
  }
  return onTouchedElements(findings, byRel, (file) => {
    try {
      return readFileSync(join(project.root, file), "utf8");
    } catch {
      return undefined;
    }
  });
}

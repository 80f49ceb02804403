/**
 * The hook shows errors wherever they are in the staged files, but warnings
 * only on the elements the commit changes: a warning on an element nobody
 * touched is old news, and printing it on every commit teaches people to
 * ignore the hook. Elements come from the staged text (element-outline.ts),
 * so a warning on a field counts as touched when any line of that field's
 * declaration changed; file-wide warnings count when the file is new.
 */

import { outlineProto } from "../../model/findings/element-outline.js";
import type { Finding } from "../../model/findings/finding.js";
import type { ChangedLines } from "./staged.js";
import type { StagedFile } from "./staged-scope.js";

export function onTouchedElements(
  findings: readonly Finding[],
  files: readonly StagedFile[],
  changed: ReadonlyMap<string, ChangedLines>,
  textOf: (file: string) => string | undefined,
): { findings: Finding[]; leftOut: number } {
  const byRel = new Map(files.map((f) => [f.rel, changed.get(f.repoPath)]));
  const touchedByFile = new Map<string, { added: boolean; elements: Set<string>; outline: ReturnType<typeof outlineProto> } | undefined>();
  const touchedOf = (file: string) => {
    if (!touchedByFile.has(file)) {
      const lines = byRel.get(file);
      const text = textOf(file);
      if (!lines || text === undefined) {
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

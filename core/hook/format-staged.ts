/**
 * `protogov format --write --staged`: formats the staged .proto files and
 * stages the result. A file is only rewritten when its index and work tree
 * copies are the same: formatting a partly staged file would either stage the
 * unstaged part or format content that is not being committed. Any such file
 * stops the whole run before anything is written, so there is never a half
 * done state to clean up.
 */
import { join } from "node:path";
import { compileProject } from "../compile/compile.js";
import { createWorkspace } from "../compile/workspace.js";
import { InputError } from "../errors.js";
import type { Finding } from "../findings/finding.js";
import { writeFormat } from "../format/buf-format.js";
import { openProject } from "../project/project.js";
import { stage, withUnstagedEdits } from "./staged.js";
import { stagedTargets } from "./targets.js";

export interface FormatStagedResult {
  /** Project root (paths below are relative to it). */
  root: string;
  /** Staged files that were looked at. */
  considered: string[];
  /** Files rewritten and staged again. */
  formatted: string[];
  /** Compile errors: nothing was written. */
  findings: Finding[];
}

export async function formatStaged(opts: { cwd: string; configFile?: string | undefined }): Promise<FormatStagedResult> {
  const selected = await stagedTargets(opts.cwd, opts.configFile);
  if (!selected || selected.targets.length === 0) {
    return { root: selected?.loaded.root ?? opts.cwd, considered: [], formatted: [], findings: [] };
  }
  const { repoRoot, loaded, targets } = selected;
  const dirty = new Set(
    await withUnstagedEdits(
      targets.map((t) => t.repoPath),
      repoRoot,
    ),
  );
  if (dirty.size > 0) {
    const names = targets.filter((t) => dirty.has(t.repoPath)).map((t) => t.repoPath);
    throw new InputError(
      `not formatting: ${names.length === 1 ? "this staged file also has" : "these staged files also have"} unstaged edits:\n${names.map((n) => `  ${n}`).join("\n")}\nNothing was changed.`,
      {
        hint: "stage the edits (git add) or set them aside, then run it again; `protogov format --write FILE` formats the work tree copy without staging it",
      },
    );
  }
  // Index == work tree for every target, so formatting the work tree copies formats what is staged.
  const project = openProject({ cwd: loaded.root, configFile: loaded.file, paths: targets.map((t) => join(repoRoot, t.repoPath)) });
  const ws = createWorkspace(project);
  try {
    // buf format also "formats" some files that do not parse: write only when they compile.
    const compiled = await compileProject(project, ws);
    if (!compiled.imagePath)
      return { root: project.root, considered: targets.map((t) => t.rel), formatted: [], findings: compiled.findings };
    const formatted = await writeFormat(project, ws);
    const byRel = new Map(targets.map((t) => [t.rel, t.repoPath]));
    await stage(
      formatted.map((f) => byRel.get(f) ?? f),
      repoRoot,
    );
    return { root: project.root, considered: targets.map((t) => t.rel), formatted, findings: [] };
  } finally {
    ws.dispose();
  }
}

/**
 * `protogov format --write --staged`: formats the staged .proto files and
 * stages the result. A file is only rewritten when its index and work tree
 * copies are the same: formatting a partly staged file would either stage the
 * unstaged part or format content that is not being committed. Any such file
 * stops the whole run before anything is written, so there is never a half
 * done state to clean up.
 */
import { join, relative } from "node:path";
import { compileProject } from "../../engines/compile/compile.js";
import { type BufWorkspace, createWorkspace } from "../../engines/compile/workspace.js";
import { writeFormat } from "../../engines/format/buf-format.js";
import { InputError } from "../../model/errors.js";
import type { Finding } from "../../model/findings/finding.js";
import { openProject, type Project, toPosix } from "../../model/project/project.js";
import { stage, withUnstagedEdits } from "./staged.js";
import { stagedScope } from "./staged-scope.js";

export interface FormatStagedResult {
  /** The real directory the command ran from; paths below are relative to it. */
  cwd: string;
  /** Staged files that were looked at. */
  considered: string[];
  /** Files rewritten and staged again. */
  formatted: string[];
  /** Compile errors (project-relative paths, with the project root): nothing was written. */
  failed: { root: string; findings: Finding[] } | undefined;
}

export async function formatStaged(opts: { cwd: string; configFile?: string | undefined }): Promise<FormatStagedResult> {
  const selected = await stagedScope(opts.cwd, opts.configFile);
  const result: FormatStagedResult = { cwd: selected?.cwd ?? opts.cwd, considered: [], formatted: [], failed: undefined };
  if (!selected || selected.projects.length === 0) return result;
  const { cwd, repoRoot, projects } = selected;
  const stagedFiles = projects.flatMap((p) => p.files);
  const dirty = new Set(
    await withUnstagedEdits(
      stagedFiles.map((t) => t.repoPath),
      repoRoot,
    ),
  );
  if (dirty.size > 0) {
    const names = stagedFiles.filter((t) => dirty.has(t.repoPath)).map((t) => toPosix(relative(cwd, join(repoRoot, t.repoPath))));
    throw new InputError(
      `not formatting: ${names.length === 1 ? "this staged file also has" : "these staged files also have"} unstaged edits:\n${names.map((n) => `  ${n}`).join("\n")}\nNothing was changed.`,
      {
        hint: "stage the edits (git add) or set them aside, then run it again; `protogov format --write FILE` formats the work tree copy without staging it",
      },
    );
  }
  result.considered = stagedFiles.map((t) => toPosix(relative(cwd, join(repoRoot, t.repoPath)))).sort();
  // Every project compiles before any file is written: one that does not leaves all untouched.
  const prepared: { project: Project; ws: BufWorkspace }[] = [];
  try {
    for (const staged of projects) {
      // Index == work tree for every target, so formatting the work tree copies formats what is staged.
      const project = openProject({
        cwd: staged.loaded.root,
        configFile: staged.loaded.file,
        paths: staged.files.map((t) => join(repoRoot, t.repoPath)),
      });
      const ws = createWorkspace(project);
      prepared.push({ project, ws });
      // buf format also "formats" some files that do not parse: write only when they compile.
      const compiled = await compileProject(project, ws);
      if (!compiled.imagePath) {
        result.failed = { root: project.root, findings: compiled.findings };
        return result;
      }
    }
    const written: string[] = [];
    for (const { project, ws } of prepared) {
      for (const rel of await writeFormat(project, ws)) written.push(join(project.root, rel));
    }
    await stage(
      written.map((abs) => toPosix(relative(repoRoot, abs))),
      repoRoot,
    );
    result.formatted = written.map((abs) => toPosix(relative(cwd, abs))).sort();
    return result;
  } finally {
    for (const { ws } of prepared) ws.dispose();
  }
}

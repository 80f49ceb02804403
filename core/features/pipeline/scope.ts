/**
 * What a command works on: the project, the base to compare against (if one is
 * known), and, when the base is a git commit other than HEAD, only the files
 * changed since then plus their package siblings (incremental mode).
 */
import { resolve } from "node:path";
import { gitMaybe } from "../../engines/git/git.js";
import { InputError } from "../../model/errors.js";
import { openProject, type Project, type ProjectOptions } from "../../model/project/project.js";
import { narrowTo } from "../../model/project/project-at.js";
import { type Base, resolveBase } from "../breaking/base.js";
import { type ChangedFiles, changedProtoFiles } from "../breaking/changed-files.js";

export interface ScopeOptions extends ProjectOptions {
  /** `--against`: a git ref, a directory or an image. */
  against?: string | undefined;
  /** `--all`: no incremental narrowing. */
  all?: boolean | undefined;
  /** Whether a base is needed (breaking, diff) or optional (check) or unused (lint, format). */
  base: "required" | "optional" | "none";
}

export interface Scope {
  project: Project;
  base: Base | undefined;
  /** Set in incremental mode: what changed since the base. */
  changed: ChangedFiles | undefined;
}

export async function resolveScope(opts: ScopeOptions): Promise<Scope> {
  const project = openProject(opts);
  if (opts.base === "none") return { project, base: undefined, changed: undefined };
  const base = await resolveBase(opts.against, resolve(opts.cwd));
  if (!base) {
    if (opts.base === "required") {
      throw new InputError("no base to compare against: not in a git repository with a default branch, and no --against given", {
        hint: "pass --against REF (a git ref), --against DIR (a directory of base protos) or --against IMAGE (a buf image)",
      });
    }
    return { project, base: undefined, changed: undefined };
  }
  if (base.kind !== "git" || opts.all || project.narrowed) return { project, base, changed: undefined };
  // On the default branch itself the base is HEAD: a full run is what the user expects there.
  const head = await gitMaybe(["rev-parse", "HEAD"], base.repoRoot);
  if (head === base.commit) return { project, base, changed: undefined };
  const changed = await changedProtoFiles(base.commit, base.repoRoot, project);
  const narrowed = narrowTo(project, changed.scope);
  // Every changed file is gone, with its whole directory (a package deleted): buf breaking cannot
  // compare against an image without files, and would miss FILE_NO_DELETE. A full run sees it.
  if (changed.changed.size > 0 && narrowed.inScope.length === 0 && project.inScope.length > 0) return { project, base, changed: undefined };
  return { project: narrowed, base, changed };
}

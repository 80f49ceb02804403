/**
 * `protogov hook run`: checks what is staged, not the work tree. The staged
 * .proto files and their import closure are written from the index's blobs
 * (one `ls-files -s`, one `cat-file --batch` read level by level) into a
 * temporary directory laid out like the repository, and the check pipeline
 * (format + lint) runs there, narrowed to the staged files. The work tree and
 * the index are only read: no stash, no checkout, nothing to restore if the
 * run is interrupted. Findings come back with project-relative paths, which
 * are the same in the temporary tree and in the repository.
 *
 * The configuration (protogov.yaml, buf.yaml, buf.work.yaml) is read as it
 * is staged, like the protos. Limit, by design: package-wide rules see only
 * the staged files of a package (CI's `protogov check` sees whole packages and runs breaking).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import type { ChangedLines } from "../../engines/git/changed-lines.js";
import { materialize } from "../../engines/git/materialize.js";
import type { LoadedConfig } from "../../model/config/protogov-config.js";
import { compareFindings, type Finding } from "../../model/findings/finding.js";
import { removeTemp, tempDir } from "../../model/fs/lifecycle.js";
import { toPosix } from "../../model/project/project.js";
import { holdAgainstBaseline } from "../baseline/project-baseline.js";
import { onTouchedElements } from "../baseline/touched-elements.js";
import { runChecks } from "../pipeline/checks.js";
import { stagedChangedLines } from "./staged.js";
import { type StagedProject, type StagedScope, stagedScope } from "./staged-scope.js";

export interface StagedCheckOptions {
  cwd: string;
  configFile?: string | undefined;
  /** Hold findings against the project's baseline (default true; --no-baseline). */
  baseline?: boolean;
}

export interface StagedCheckResult {
  /** The real directory the check ran from; every path below is relative to it. */
  cwd: string;
  /** Staged .proto files checked. */
  checked: string[];
  findings: Finding[];
  /** The staged content of a file named by a finding (for source context). */
  stagedText(file: string): string | undefined;
  /** Lines for stderr: what the baseline suppressed, stale entries, warnings left out as untouched. */
  notes: string[];
}

/** Files that carry the module layout when there is no protogov.yaml. */
const LAYOUT_FILES = ["buf.yaml", "buf.work.yaml"];

export async function checkStaged(opts: StagedCheckOptions): Promise<StagedCheckResult> {
  const selected = await stagedScope(opts.cwd, opts.configFile);
  const texts = new Map<string, string | undefined>();
  const result: StagedCheckResult = {
    cwd: selected?.cwd ?? opts.cwd,
    checked: [],
    findings: [],
    stagedText: (file) => texts.get(file),
    notes: [],
  };
  if (!selected) return result;
  const { cwd } = selected;
  // Project-relative paths to paths from the cwd, as the user (and git's output) shows them.
  const fromCwd = (root: string, file: string) => (file === "" ? "" : toPosix(relative(cwd, join(root, file))));
  for (const project of selected.projects) {
    const checked = await checkProject(project, selected, { cwd, baseline: opts.baseline ?? true });
    if (!checked) continue;
    result.notes.push(...checked.notes);
    const { root } = project.loaded;
    result.checked.push(...checked.checked.map((f) => fromCwd(root, f)));
    for (const f of checked.findings) {
      const file = fromCwd(root, f.file);
      if (file !== "" && !texts.has(file)) texts.set(file, checked.texts.get(f.file));
      result.findings.push({ ...f, file });
    }
  }
  result.checked.sort();
  result.findings.sort(compareFindings);
  return result;
}

interface ProjectCheck {
  checked: string[];
  findings: Finding[];
  /** Staged text by project-relative path, for the files findings name. */
  texts: Map<string, string | undefined>;
  notes: string[];
}

async function checkProject(
  project: StagedProject,
  scope: StagedScope,
  opts: { cwd: string; baseline: boolean },
): Promise<ProjectCheck | undefined> {
  const { loaded, modules, files: stagedFiles } = project;
  const { repoRoot, readConfig } = scope;
  const top = tempDir("protogov-staged-");
  try {
    // protogov's config search stops at a repository boundary: nothing above the temporary tree leaks in.
    mkdirSync(join(top, ".git"));
    const root = join(top, relative(repoRoot, loaded.root));
    for (const m of modules) mkdirSync(join(root, m.rel), { recursive: true });
    const configFile = copyLayout(loaded, root, readConfig);
    const repoPaths = modules.map((m) => m.repoPath);
    const entries = await scope.protoEntries;
    const wanted = new Set(stagedFiles.map((t) => t.importPath));
    await materialize({ entries, label: "the index", repoRoot }, { repoPaths, rels: modules.map((m) => m.rel) }, root, wanted);
    // An import path held by two modules is written for the first one only (buf would refuse both anyway).
    const present = stagedFiles.filter((t) => existsSync(join(root, t.rel)));
    if (present.length === 0) return undefined;
    // git's diff of the staged lines runs alongside the checks.
    const changing = stagedChangedLines(
      present.map((t) => t.repoPath),
      repoRoot,
    );
    changing.catch(() => undefined);
    const result = await runChecks(
      { cwd: root, configFile, paths: present.map((t) => join(root, t.rel)), base: "none" },
      { format: true, lint: true, breaking: false },
    );
    const stagedTextOf = (file: string) => readIfExists(join(root, file));
    const changed = await changing;
    const byRel = new Map<string, ChangedLines>();
    for (const t of present) {
      const lines = changed.get(t.repoPath);
      if (lines) byRel.set(t.rel, lines);
    }
    // The baseline first, then warnings only on touched elements; the hook sees packages in part,
    // so it never calls an entry fixed (see StaleScope).
    const held = holdAgainstBaseline(
      result.findings,
      { root: loaded.root, loaded },
      { wholeProject: false, formatRan: true },
      {
        disabled: !opts.baseline,
        cwd: opts.cwd,
        textOf: stagedTextOf,
        read: readConfig,
      },
    );
    const touched = onTouchedElements(held.findings, byRel, stagedTextOf);
    const texts = new Map<string, string | undefined>();
    for (const f of touched.findings) {
      if (f.file !== "" && !texts.has(f.file)) texts.set(f.file, stagedTextOf(f.file));
    }
    const notes = [...held.notes];
    if (touched.leftOut > 0) {
      notes.push(`protogov: ${touched.leftOut} warning(s) on elements this commit does not touch not shown (\`protogov lint\` shows them)`);
    }
    return { checked: present.map((t) => t.rel), findings: touched.findings, texts, notes };
  } finally {
    removeTemp(top);
  }
}

/**
 * The layout files as they are staged, copied so the temporary tree
 * has the same modules, lint settings and ignores. Returns the config file to
 * pass explicitly, when there is one.
 */
function copyLayout(loaded: LoadedConfig, root: string, readConfig: (file: string) => string): string | undefined {
  if (loaded.file) {
    const copy = join(root, basename(loaded.file) === "protogov.yaml" ? "protogov.yaml" : ".protogov-hook.yaml");
    writeFileSync(copy, readConfig(loaded.file));
    return copy;
  }
  for (const name of LAYOUT_FILES) {
    const file = join(loaded.root, name);
    if (existsSync(file)) writeFileSync(join(root, name), readConfig(file));
  }
  return undefined;
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

import { readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { holdAgainstBaseline } from "../../core/features/baseline/project-baseline.js";
import { onElementsChangedSince } from "../../core/features/baseline/touched-elements.js";
import { checkCommitMessage } from "../../core/features/breaking/commit-message.js";
import { runChecks } from "../../core/features/pipeline/checks.js";
import { InputError } from "../../core/model/errors.js";
import { writeConfigNote } from "../config-note.js";
import { type GlobalOptions, resolveCwd } from "../global-options.js";
import { emitReport } from "../output.js";
import { diffSummary } from "../summary.js";

export interface CheckOptions extends GlobalOptions {
  paths: string[];
  against?: string;
  all: boolean;
  /** File holding the commit message (or PR title) to hold against the API diff. */
  commitMessage?: string;
}

export async function check(opts: CheckOptions): Promise<number> {
  const cwd = resolveCwd(opts);
  // read before the checks run: a missing file is a usage mistake, reported without partial output
  const message = commitMessage(opts, cwd);
  const result = await runChecks(
    { cwd, configFile: opts.config, paths: opts.paths, against: opts.against, all: opts.all, base: "optional" },
    { format: true, lint: true, breaking: true },
  );
  const { project } = result.scope;
  // The baseline first (a recorded warning outside the change still matches its entry), then,
  // against a git base, warnings only on what the change touched (--all: everything).
  const wholeProject = !project.narrowed && result.scope.changed === undefined;
  const held = holdAgainstBaseline(result.findings, project, { wholeProject, formatRan: true }, { disabled: !opts.baseline, cwd });
  const touched = opts.all
    ? { findings: held.findings, leftOut: 0 }
    : await onElementsChangedSince(held.findings, project, result.scope.base);
  const findings = [...touched.findings];
  if (message && result.diff) {
    const semver = result.scope.project.loaded.config.breaking.semver;
    const finding = checkCommitMessage(message.text, result.diff, message.source, semver);
    if (finding) findings.push(finding);
  }
  writeConfigNote(project.loaded, ["lint", "breaking"]);
  const code = await emitReport({ command: "check", findings, root: project.root, ...diffSummary(result) }, opts);
  for (const note of held.notes) process.stderr.write(`${note}\n`);
  if (touched.leftOut > 0) {
    process.stderr.write(`protogov: ${touched.leftOut} warning(s) on elements this change does not touch not shown (--all shows them)\n`);
  }
  return code;
}

/** `--commit-message FILE`, else PROTOGOV_COMMIT_MESSAGE (the PR / MR title in CI); undefined when neither is set. */
function commitMessage(opts: CheckOptions, cwd: string): { text: string; source: string } | undefined {
  if (opts.commitMessage) {
    const file = resolve(cwd, opts.commitMessage);
    try {
      return { text: readFileSync(file, "utf8"), source: relative(cwd, file).split("\\").join("/") };
    } catch (err) {
      throw new InputError(`cannot read the commit message file ${opts.commitMessage}: ${(err as Error).message}`, {
        hint: "pass a file holding the message, e.g. --commit-message .git/COMMIT_EDITMSG",
      });
    }
  }
  const env = process.env["PROTOGOV_COMMIT_MESSAGE"];
  return env && env.trim() !== "" ? { text: env, source: "" } : undefined;
}

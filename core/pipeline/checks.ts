/**
 * The check pipeline shared by `lint` and `check`: one compile into an image,
 * then buf lint on that image and protogov's rules side by side, with the
 * format check running concurrently from the sources.
 */
import { readFileSync } from "node:fs";
import { compileProject } from "../compile/compile.js";
import { createWorkspace } from "../compile/workspace.js";
import { ToolError } from "../errors.js";
import { compareFindings, type Finding } from "../findings/finding.js";
import { applyIgnores } from "../findings/ignore.js";
import { checkFormat } from "../format/buf-format.js";
import { runBufLint } from "../lint/buf-lint.js";
import { openProject, type Project, type ProjectOptions } from "../project/project.js";
import { runGovernanceRules } from "../rules/engine.js";

export interface CheckSteps {
  format: boolean;
  lint: boolean;
}

export interface CheckResult {
  project: Project;
  findings: Finding[];
  /** Wall time per step in milliseconds, for --verbose and the benchmark. */
  timings: Record<string, number>;
}

export async function runChecks(opts: ProjectOptions, steps: CheckSteps): Promise<CheckResult> {
  const project = openProject(opts);
  const ws = createWorkspace(project);
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[name] = Math.round(performance.now() - start);
    }
  };
  try {
    const formatting = steps.format
      ? timed("format", () => checkFormat(project, ws))
      : Promise.resolve({ findings: [], failure: undefined });
    // A failed format run must not leave the compile promise unobserved (and vice versa).
    formatting.catch(() => undefined);
    const findings: Finding[] = [];
    if (steps.lint) {
      const compiled = await timed("compile", () => compileProject(project, ws));
      findings.push(...compiled.findings);
      if (compiled.imagePath) {
        const imagePath = compiled.imagePath;
        const bufLint = timed("buf-lint", () => runBufLint(imagePath, project, ws));
        bufLint.catch(() => undefined);
        const start = performance.now();
        findings.push(...runGovernanceRules(readFileSync(imagePath), project, project.loaded.config));
        timings["rules"] = Math.round(performance.now() - start);
        findings.push(...(await bufLint));
      }
    }
    const format = await formatting;
    findings.push(...format.findings);
    const compileFailed = findings.some((f) => f.rule === "COMPILE");
    if (format.failure && !compileFailed) {
      throw new ToolError(`buf format failed: ${format.failure.split("\n")[0]}`, {
        hint: "run `protogov lint` to see whether the files compile",
      });
    }
    if (process.env["PROTOGOV_TIMINGS"]) process.stderr.write(`protogov timings (ms): ${JSON.stringify(timings)}\n`);
    const kept = applyIgnores(findings, project.loaded.config.lint, project.root).sort(compareFindings);
    return { project, findings: kept, timings };
  } finally {
    ws.dispose();
  }
}

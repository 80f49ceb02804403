/**
 * The check pipeline shared by `lint`, `breaking` and `check`: one compile of
 * the head into an image, reused by buf lint, protogov's rules, buf breaking
 * and the API diff; the format check and the base image build run
 * concurrently with it. A run that needs no image beyond lint compiles
 * inside one `buf lint` instead, protogov's rules in it as a check plugin
 * (see lintMode).
 */

import { compileProject, lintInput } from "../../engines/compile/compile.js";
import type { ApiDiff } from "../../engines/diff/api-diff.js";
import { checkFormat } from "../../engines/format/buf-format.js";
import { runBufLint, runBufLintOnSources, runLintFromSources } from "../../engines/lint/buf-lint.js";
import { createLintWorkspace } from "../../engines/lint/lint-workspace.js";
import type { ActiveRule } from "../../engines/rules/resolve.js";
import { type RulesInput, rulesInputOf } from "../../engines/rules/rules-input.js";
import { isSwitchedOff } from "../../model/config/protogov-config.js";
import { ToolError, UsageError } from "../../model/errors.js";
import { compareFindings, type Finding } from "../../model/findings/finding.js";
import { applyIgnores } from "../../model/findings/ignore.js";
import type { Project } from "../../model/project/project.js";
import type { BaseImage } from "../breaking/base-image.js";
import { cachedFindings } from "./result-cache.js";
import { resolveScope, type Scope, type ScopeOptions } from "./scope.js";
import { validateRuleIds } from "./validate-rule-ids.js";

export interface CheckSteps {
  format: boolean;
  lint: boolean;
  /** Compare against the base: the API diff, plus buf's breaking rules unless `diffOnly`. */
  breaking: boolean;
  /** Only the API diff (`protogov diff`): buf's breaking rules are not run. */
  diffOnly?: boolean;
  /**
   * Runs on the compiled head image before it is removed, after the diff, so a
   * command that needs both (docs with a changelog page) compiles once.
   */
  withHeadImage?: (head: HeadImage) => Promise<void>;
}

export interface HeadImage {
  imagePath: string;
  scope: Scope;
  diff: ApiDiff | undefined;
}

export interface CheckResult {
  scope: Scope;
  findings: Finding[];
  /** The API diff, when a base was known and breaking ran. */
  diff: ApiDiff | undefined;
  /** Wall time per step in milliseconds (PROTOGOV_TIMINGS=1 prints them). */
  timings: Record<string, number>;
}

/** From this many target files on, protogov's rules run in a worker thread (see rules-worker.ts). */
const RULES_WORKER_MIN_FILES = 500;

/** Up to this many target files, buf lint runs on the sources concurrently with the build. */
const SOURCE_LINT_MAX_FILES = 50;

/**
 * How a lint that needs no image beyond itself (no base to compare, no docs)
 * runs its rules:
 * - `served`: one `buf lint` from the sources, protogov's rules inside it as
 *   a check plugin whose `check` this process answers (install.ts, served
 *   mode). Small runs (up to SOURCE_LINT_MAX_FILES files, the pre-commit
 *   hook): no second compile, no second Node start, the rules' modules load
 *   while buf compiles.
 * - `plugin`: the same, the plugin's `check` in its own Node process. Large
 *   runs: buf hands the plugin its files about two thirds into its run, and
 *   the image round trip is saved; the rules' memory stays out of this process.
 * - `image`: build an image, then buf lint and the rules on it.
 * Not on Windows (no `sh` for the plugin), and not for several modules: buf
 * checks each module in its own plugin call, and cross-file rules (unique
 * error numbers) need every file in one. PROTOGOV_LINT_VIA=served|plugin|image
 * chooses (the tests compare them).
 */
type LintMode = "served" | "plugin" | "image";

function lintMode(project: Project): LintMode {
  const via = process.env["PROTOGOV_LINT_VIA"];
  if (via && via !== "served" && via !== "plugin" && via !== "image") {
    throw new UsageError(`PROTOGOV_LINT_VIA is "${via}"`, { hint: "set it to served, plugin or image, or unset it" });
  }
  if (via === "image" || process.platform === "win32" || project.modules.length > 1) return "image";
  if (via === "served" || via === "plugin") return via;
  return project.inScope.length > SOURCE_LINT_MAX_FILES ? "plugin" : "served";
}

export async function runChecks(opts: ScopeOptions, steps: CheckSteps): Promise<CheckResult> {
  // performance.now() counts from the process start: this is Node's start-up plus loading the CLI.
  const timings: Record<string, number> = { startup: Math.round(performance.now()) };
  const setupStart = performance.now();
  const scope = await resolveScope(steps.breaking ? opts : { ...opts, base: "none" });
  // Without a base (lint, the hook, check before a base exists) a run is a function of the files: see result-cache.ts.
  if (!(scope.base && steps.breaking) && !steps.withHeadImage) {
    const label = [steps.format ? "format" : "", steps.lint ? "lint" : ""].join("+");
    const findings = await cachedFindings(scope.project, label, async (project) => {
      return (await checkScope({ ...scope, project }, steps, timings, setupStart)).findings;
    });
    return { scope, findings, diff: undefined, timings };
  }
  return checkScope(scope, steps, timings, setupStart);
}

/**
 * The governance rules' modules (protobuf-es, the error model, the rules) and
 * the rules active under the project's config. Loading them costs about 0.1 s;
 * on the image path they load while buf compiles, not before buf starts.
 * `input`: what the run already built for the rules (served mode hands it to
 * the plugin workspace too).
 */
async function loadRules(project: Project, input: RulesInput = rulesInputOf(project)) {
  const [engine, registry, resolve, imageReader, worker, onCheckRequest] = await Promise.all([
    import("../../engines/rules/engine.js"),
    import("../../engines/rules/registry.js"),
    import("../../engines/rules/resolve.js"),
    import("../../engines/compile/image-reader.js"),
    import("../../engines/rules/rules-worker.js"),
    import("../../engines/lint/buf-check-plugin/rules-on-request.js"),
  ]);
  const { config, lineOf, file } = project.loaded;
  const rules = await registry.rulesFor(config);
  const active: ActiveRule[] = resolve.resolveRules(config, lineOf, file, rules);
  const run = (imagePath: string) =>
    project.inScope.length > RULES_WORKER_MIN_FILES
      ? worker.runGovernanceRulesInWorker(imagePath, input)
      : Promise.resolve(engine.runGovernanceRules(imageReader.readImageFile(imagePath), input, rules));
  const onRequest = (request: Uint8Array) => onCheckRequest.rulesOnRequest(request, input, rules);
  return { active, input, run, onRequest };
}

type LoadedRules = Awaited<ReturnType<typeof loadRules>>;

async function checkScope(scope: Scope, steps: CheckSteps, timings: Record<string, number>, setupStart: number): Promise<CheckResult> {
  const { project, base } = scope;
  // Configuration mistakes are reported before any compile, even when the protos do not compile.
  await validateRuleIds(project.loaded);
  const hasTargets = project.inScope.length > 0;
  const mode: LintMode = steps.lint && hasTargets && !(base && steps.breaking) && !steps.withHeadImage ? lintMode(project) : "image";
  // The plugin's own process needs the active rules before buf starts; served, they load while buf compiles.
  const early = mode === "plugin" ? await loadRules(project) : undefined;
  const servedInput = mode === "served" ? rulesInputOf(project) : undefined;
  let served: Promise<LoadedRules> | undefined;
  const serve =
    mode === "served"
      ? async (request: Buffer) => {
          const rules = await (served ?? loadRules(project, servedInput));
          const start = performance.now();
          const findings = rules.onRequest(request);
          timings["rules"] = Math.round(performance.now() - start);
          return findings;
        }
      : undefined;
  timings["setup"] = Math.round(performance.now() - setupStart);
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[name] = Math.round(performance.now() - start);
    }
  };
  const pluginInput = servedInput ?? (early && early.active.length > 0 ? early.input : undefined);
  const ws = await timed("workspace", async () => createLintWorkspace(project, pluginInput, serve));
  // Settled before anything is reported or thrown, so no buf process outlives a failed run.
  const started: Promise<unknown>[] = [];
  // A failure in one concurrent step must not leave another's rejection unobserved.
  const observe = <T>(step: Promise<T>): Promise<T> => {
    step.catch(() => undefined);
    started.push(step);
    return step;
  };
  let baseBuild: Promise<BaseImage> | undefined;
  try {
    // Breaking's modules (the API diff, buf breaking) load only when a base is compared: the hook and
    // lint never pay for them at start-up.
    const breakingModules = base && steps.breaking ? loadBreaking() : undefined;
    baseBuild =
      base && breakingModules
        ? timed("base", async () => (await breakingModules).buildBaseImage(base, project, scope.changed?.scope))
        : undefined;
    baseBuild?.catch(() => undefined);
    const formatting =
      steps.format && hasTargets && !isSwitchedOff(project.loaded.config.lint, "FORMAT")
        ? timed("format", () => checkFormat(project, ws))
        : Promise.resolve({ findings: [], failure: undefined });
    observe(formatting);
    const findings: Finding[] = [];
    let diff: ApiDiff | undefined;
    if (mode !== "image") {
      const linting = observe(timed("lint-sources", () => runLintFromSources(project, ws)));
      // Config errors in the rules' options come before any finding.
      if (mode === "served") {
        served = observe(timed("load-rules", () => loadRules(project, servedInput)));
        await served;
      }
      findings.push(...(await linting));
    } else if ((steps.lint || steps.breaking) && hasTargets) {
      // A few files: buf lint compiles them itself while protogov builds its image (see runBufLintOnSources).
      const sourceLint =
        steps.lint && project.narrowed && project.inScope.length <= SOURCE_LINT_MAX_FILES
          ? observe(timed("buf-lint", () => runBufLintOnSources(lintInput(project, ws), project, ws)))
          : undefined;
      const compiling = observe(timed("compile", () => compileProject(project, ws)));
      // buf is running: the rules' modules load meanwhile (their config errors still come before any finding).
      const rules = steps.lint ? await timed("load-rules", () => loadRules(project)) : undefined;
      const compiled = await compiling;
      findings.push(...compiled.findings);
      if (compiled.imagePath) {
        const imagePath = compiled.imagePath;
        const bufLint = observe(
          !steps.lint ? Promise.resolve([]) : (sourceLint ?? timed("buf-lint", () => runBufLint(imagePath, project, ws))),
        );
        if (rules) findings.push(...(await timed("rules", () => rules.run(imagePath))));
        if (baseBuild) {
          const b = await baseBuild;
          const { runBreaking } = await loadBreaking();
          const breaking = await timed("breaking", () => runBreaking(imagePath, b, project, ws.dir, { buf: !steps.diffOnly }));
          findings.push(...breaking.findings);
          diff = breaking.diff;
        }
        findings.push(...(await bufLint));
        if (steps.withHeadImage && !findings.some((f) => f.rule === "COMPILE")) {
          await steps.withHeadImage({ imagePath, scope, diff });
        }
      }
    } else if (baseBuild && steps.breaking) {
      // Every changed file was deleted: compare the base against an empty head.
      const b = await baseBuild;
      const { runBreaking } = await loadBreaking();
      const breaking = await timed("breaking", () => runBreaking(undefined, b, project, ws.dir, { buf: !steps.diffOnly }));
      findings.push(...breaking.findings);
      diff = breaking.diff;
    }
    const format = await formatting;
    // `lint.rules.FORMAT: warn` reports unformatted files without failing the run.
    const formatSeverity: Finding["severity"] = project.loaded.config.lint.rules["FORMAT"]?.severity === "warn" ? "warn" : "error";
    findings.push(...format.findings.map((f) => ({ ...f, severity: formatSeverity })));
    const compileFailed = findings.some((f) => f.rule === "COMPILE");
    if (format.failure && !compileFailed) {
      throw new ToolError(`buf format failed: ${format.failure.split("\n")[0]}`, {
        hint: "run `protogov lint` to see whether the files compile",
      });
    }
    const ignoreStart = performance.now();
    const kept = applyIgnores(findings, project.loaded.config.lint, project.root).sort(compareFindings);
    timings["ignores"] = Math.round(performance.now() - ignoreStart);
    if (process.env["PROTOGOV_TIMINGS"]) process.stderr.write(`protogov timings (ms): ${JSON.stringify(timings)}\n`);
    return { scope, findings: kept, diff, timings };
  } finally {
    await Promise.allSettled(started);
    ws.dispose();
    (await baseBuild?.catch(() => undefined))?.dispose();
  }
}

async function loadBreaking() {
  const [{ buildBaseImage }, { runBreaking }] = await Promise.all([
    import("../breaking/base-image.js"),
    import("../breaking/run-breaking.js"),
  ]);
  return { buildBaseImage, runBreaking };
}

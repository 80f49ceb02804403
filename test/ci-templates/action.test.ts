/**
 * The GitHub Action (action.yml): it parses, every input is documented (in
 * action.yml and in docs/ci-integration.md), inputs reach the script only
 * through env, and its script does what the runner would make it do on a pull
 * request: annotations on stdout, a Markdown job summary, protogov's exit code.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it, type TestContext } from "node:test";
import { parse } from "yaml";
import { cleanEnv, type Run, run } from "../hook/git-repo.js";
import { cliBin, repoRoot } from "../support/paths.js";
import { addField, breakIt, ciTemp, MONEY, prRepo } from "./ci-repo.js";

interface ActionInput {
  description?: string;
  required?: boolean;
  default?: string;
}

interface Action {
  name: string;
  description: string;
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { description?: string; value: string }>;
  runs: { using: string; steps: { id?: string; shell: string; run: string; env?: Record<string, string>; "working-directory"?: string }[] };
}

const action = parse(readFileSync(join(repoRoot, "action.yml"), "utf8")) as Action;

/**
 * `${{ inputs.NAME }}` as the runner expands it: the given value or the input's default;
 * `${{ github.event.pull_request.title }}` from the test's PR_TITLE (default: none).
 */
function expand(expr: string, inputs: Record<string, string>): string {
  return expr
    .replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => inputs[name] ?? action.inputs[name]?.default ?? "")
    .replace(/\$\{\{\s*github\.event\.pull_request\.title\s*\}\}/g, inputs[PR_TITLE] ?? "");
}

/** Not an input: the pull request title the runner would expand. */
const PR_TITLE = "(pull request title)";

interface ActionRun extends Run {
  summary: string;
  output: string;
}

/** Runs the action's step like the runner: `bash --noprofile --norc -eo pipefail`, env from inputs and the PR. */
async function runAction(
  t: TestContext,
  cwd: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<ActionRun> {
  const temp = ciTemp(t);
  const step = action.runs.steps[0];
  assert.ok(step);
  const script = join(temp, "step.sh");
  writeFileSync(script, step.run);
  const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, inputs)]));
  const files = { GITHUB_STEP_SUMMARY: join(temp, "summary.md"), GITHUB_OUTPUT: join(temp, "output") };
  for (const f of Object.values(files)) writeFileSync(f, "");
  const workdir = join(cwd, expand(step["working-directory"] ?? ".", inputs));
  const result = await run(
    "bash",
    ["--noprofile", "--norc", "-eo", "pipefail", script],
    workdir,
    cleanEnv({
      CI: "true",
      GITHUB_ACTIONS: "true",
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_BASE_REF: "main",
      GITHUB_HEAD_REF: "feature",
      GITHUB_ACTION_PATH: repoRoot,
      RUNNER_TEMP: temp,
      PROTOGOV_CACHE_DIR: join(temp, "cache"),
      ...files,
      ...stepEnv,
      ...env,
    }),
  );
  return { ...result, summary: readFileSync(files.GITHUB_STEP_SUMMARY, "utf8"), output: readFileSync(files.GITHUB_OUTPUT, "utf8") };
}

/** How protogov's own workflow points the action at this checkout's build. */
const local = { paths: "proto-examples", "protogov-path": cliBin };

describe("action.yml", () => {
  it("parses as a composite action whose inputs and outputs are all described", () => {
    assert.equal(action.runs.using, "composite");
    assert.ok(action.description.length > 20);
    const names = Object.keys(action.inputs);
    assert.deepEqual(names.sort(), [
      "against",
      "commands",
      "commit-message",
      "format",
      "paths",
      "protogov-path",
      "summary",
      "version",
      "working-directory",
    ]);
    for (const [name, input] of Object.entries(action.inputs)) {
      assert.ok((input.description ?? "").length > 30, `input ${name} needs a real description`);
      assert.equal(typeof input.default, "string", `input ${name} has a default`);
    }
    for (const [name, output] of Object.entries(action.outputs)) assert.ok(output.description, `output ${name}`);
  });

  it("documents every input in docs/ci-integration.md", () => {
    const docs = readFileSync(join(repoRoot, "docs", "ci-integration.md"), "utf8");
    for (const name of Object.keys(action.inputs)) assert.match(docs, new RegExp(`\\| \`${name}\` \\|`), `docs row for ${name}`);
  });

  it("passes inputs through env only: no expression is spliced into a script", () => {
    for (const step of action.runs.steps) assert.doesNotMatch(step.run, /\$\{\{/);
  });

  it("is what protogov's own workflow uses on proto-examples", () => {
    const workflow = parse(readFileSync(join(repoRoot, ".github", "workflows", "protogov.yml"), "utf8")) as {
      jobs: Record<string, { steps: { uses?: string; with?: Record<string, string> }[] }>;
    };
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
    const ours = steps.find((s) => s.uses === "./");
    assert.ok(ours, "a step uses ./");
    assert.equal(ours.with?.["paths"], "proto-examples");
    for (const key of Object.keys(ours.with ?? {})) assert.ok(key in action.inputs, `workflow passes unknown input ${key}`);
  });
});

describe("action.yml on a pull request", () => {
  it("passes a feature change: exit 0, no annotations, a summary with the API change", async (t) => {
    const repo = await prRepo(t, addField);
    const result = await runAction(t, repo.dir, local);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.doesNotMatch(result.stdout, /^::error/m);
    assert.match(result.output, /^exit-code=0$/m);
    assert.match(result.summary, /^### ✅ protogov check: No findings\./);
    // The counts and the bump are the diff engine's answer; the summary shows whatever it says.
    assert.match(
      result.summary,
      /\n\*\*API\*\* since `main \(merge-base\)`, 1 file changed: .* → semver \*\*(major|minor|patch|none)\*\*\n/,
    );
  });

  it("fails a breaking change with annotations on the diff and a findings table", async (t) => {
    const repo = await prRepo(t, breakIt);
    const result = await runAction(t, repo.dir, local);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.output, /^exit-code=1$/m);
    assert.match(result.stdout, new RegExp(`^::error file=${MONEY.replaceAll(".", "\\.")},line=\\d+.*title=FIELD_LOWER_SNAKE_CASE::`, "m"));
    assert.match(result.stdout, /^::error file=proto-examples\/acme\/common\/v1\/money\.proto.*title=FIELD_NO_DELETE/m);
    assert.match(result.summary, /^### ❌ protogov check: \d+ errors? in 1 file/);
    assert.match(result.summary, /\| ❌ \| `proto-examples\/acme\/common\/v1\/money\.proto:\d+:\d+` \| `FIELD_LOWER_SNAKE_CASE` \|/);
    assert.match(result.summary, /\| `FIELD_NO_DELETE` \|/);
  });

  it("holds the PR title against the API diff: a break titled fix: fails, fix!: passes that check", async (t) => {
    const repo = await prRepo(t, breakIt);
    const understated = await runAction(t, repo.dir, { ...local, [PR_TITLE]: "fix: rename money fields" });
    assert.equal(understated.code, 1);
    assert.match(understated.stdout, /title=COMMIT_MESSAGE_UNDERSTATES::The commit message "fix: rename money fields" announces less/);
    const stated = await runAction(t, repo.dir, { ...local, [PR_TITLE]: "fix!: rename money fields" });
    assert.doesNotMatch(stated.stdout, /COMMIT_MESSAGE_UNDERSTATES/);
    const off = await runAction(t, repo.dir, { ...local, [PR_TITLE]: "fix: rename", "commit-message": "-" });
    assert.doesNotMatch(off.stdout, /COMMIT_MESSAGE_UNDERSTATES/);
  });

  it("skips the summary when asked, and honours format and against", async (t) => {
    const repo = await prRepo(t, breakIt);
    const result = await runAction(t, repo.dir, { ...local, summary: "false", format: "json", against: "feature" });
    // Against itself there is nothing breaking, but the lint error stays.
    assert.equal(result.code, 1, result.stderr);
    const report = JSON.parse(result.stdout.replace(/^::(end)?group::.*$/gm, "")) as { findings: { rule: string }[] };
    assert.ok(report.findings.some((f) => f.rule === "FIELD_LOWER_SNAKE_CASE"));
    assert.ok(!report.findings.some((f) => f.rule === "FIELD_NO_DELETE"));
    assert.equal(result.summary, "");
  });

  it("runs in working-directory, on the project found there", async (t) => {
    const repo = await prRepo(t, breakIt);
    const result = await runAction(t, repo.dir, { "working-directory": "proto-examples", "protogov-path": cliBin });
    assert.equal(result.code, 1, result.stdout + result.stderr);
    // GitHub resolves annotation paths from the repository root, not from working-directory.
    assert.match(result.stdout, /^::error file=proto-examples\/acme\/common\/v1\/money\.proto,.*title=FIELD_LOWER_SNAKE_CASE/m);
    assert.doesNotMatch(result.stdout, /^::error file=acme/m);
  });

  it("refuses an unknown command by name, listing the valid ones (exit 2)", async (t) => {
    const repo = await prRepo(t, addField);
    const result = await runAction(t, repo.dir, { ...local, commands: "check, lint2" });
    assert.equal(result.code, 2);
    assert.match(
      result.stdout,
      /::error title=protogov::unknown command "lint2" in the commands input; valid commands: check, generate, docs, publish/,
    );
    assert.match(result.output, /^exit-code=2$/m);
    assert.equal(result.summary, "", "nothing ran");
  });

  it("names a known command this protogov does not have yet (exit 2)", async (t) => {
    const repo = await prRepo(t, addField);
    for (const command of ["generate", "docs", "publish"]) {
      const available = await run(process.execPath, [cliBin, command, "--help"], repo.dir, cleanEnv());
      if (available.code === 0) continue; // shipped since this test was written
      const result = await runAction(t, repo.dir, { ...local, commands: `check,${command}` });
      assert.equal(result.code, 2);
      assert.match(result.stdout, new RegExp(`has no \`${command}\` command yet`));
    }
  });

  it("uses the project's own protogov when there is one", async (t) => {
    const repo = await prRepo(t, addField);
    // A stand-in for node_modules/.bin/protogov from the project's devDependencies.
    const bin = repo.path("node_modules/.bin/protogov");
    repo.write(
      "node_modules/.bin/protogov",
      `#!/bin/sh\necho "project protogov $*" >> "${repo.path("calls")}"\nexec "${process.execPath}" "${cliBin}" "$@"\n`,
    );
    (await import("node:fs")).chmodSync(bin, 0o755);
    const result = await runAction(t, repo.dir, { paths: "proto-examples" });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.ok(existsSync(repo.path("calls")));
    assert.match(repo.read("calls"), /project protogov --format github check proto-examples/);
  });

  it("without a project protogov, a version or a path, runs the action's own checkout", async (t) => {
    const repo = await prRepo(t, addField);
    const result = await runAction(t, repo.dir, { paths: "proto-examples" });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /Using protogov from the action's checkout/);
    assert.doesNotMatch(result.stdout + result.stderr, /protogov@latest/);
  });
});

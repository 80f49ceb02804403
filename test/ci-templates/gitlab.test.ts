/**
 * The GitLab CI template: it parses, its stages and rules say what the docs
 * say, and the check job's script, run the way a GitLab runner runs it (before_script
 * and script in one bash with -eo pipefail, the merge request's variables set),
 * produces the log, the Code Quality report and the Markdown summary.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it, type TestContext } from "node:test";
import { parse } from "yaml";
import { cleanEnv, type Run, run } from "../hook/git-repo.js";
import { cliBin, repoRoot } from "../support/paths.js";
import { addField, breakIt, ciTemp, MONEY, prRepo } from "./ci-repo.js";

interface Job {
  extends?: string | string[];
  stage?: string;
  image?: string;
  variables?: Record<string, string>;
  before_script?: string[];
  script?: string[];
  rules?: { if?: string; when?: string }[];
  needs?: string[];
  artifacts?: { when?: string; reports?: { codequality?: string }; paths?: string[] };
}

type Template = Record<string, unknown> & { stages: string[]; variables: Record<string, string> };

const template = parse(readFileSync(join(repoRoot, "ci-templates", "gitlab", "protogov.gitlab-ci.yml"), "utf8")) as Template;

/** A job with its `extends` chain merged in, the way GitLab resolves it (deep merge of hashes). */
function job(name: string): Job {
  const raw = template[name] as Job | undefined;
  assert.ok(raw, `job ${name}`);
  const parents = raw.extends === undefined ? [] : Array.isArray(raw.extends) ? raw.extends : [raw.extends];
  let merged: Job = {};
  for (const p of parents) merged = { ...merged, ...job(p), variables: { ...merged.variables, ...job(p).variables } };
  return { ...merged, ...raw, variables: { ...merged.variables, ...raw.variables } };
}

const jobNames = Object.keys(template).filter((k) => !k.startsWith(".") && !["stages", "variables", "include", "default"].includes(k));

interface JobRun extends Run {
  dir: string;
}

async function runJob(t: TestContext, name: string, cwd: string, env: Record<string, string>): Promise<JobRun> {
  const j = job(name);
  const script = [...(j.before_script ?? []), ...(j.script ?? [])].join("\n");
  const file = join(ciTemp(t), "job.sh");
  writeFileSync(file, script);
  const result = await run(
    "bash",
    ["--noprofile", "--norc", "-eo", "pipefail", file],
    cwd,
    cleanEnv({
      ...template.variables,
      ...j.variables,
      CI: "true",
      GITLAB_CI: "true",
      CI_PROJECT_DIR: cwd,
      CI_DEFAULT_BRANCH: "main",
      PROTOGOV_CACHE_DIR: join(ciTemp(t), "cache"),
      ...env,
    }),
  );
  return { ...result, dir: cwd };
}

const mergeRequest = {
  CI_PIPELINE_SOURCE: "merge_request_event",
  CI_MERGE_REQUEST_TARGET_BRANCH_NAME: "main",
  CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: "feature",
  CI_COMMIT_REF_NAME: "feature",
  PROTOGOV_CMD: `${process.execPath} ${cliBin}`,
  PROTOGOV_PATHS: "proto-examples",
};

describe("GitLab template", () => {
  it("parses, with a check stage and a build stage, every job in one of them", () => {
    assert.deepEqual(template.stages, ["check", "build"]);
    assert.ok(jobNames.length >= 4);
    for (const name of jobNames) assert.ok(template.stages.includes(job(name).stage ?? ""), `${name} is in a declared stage`);
    assert.equal(job("protogov:check").stage, "check");
    for (const name of ["protogov:generate", "protogov:docs", "protogov:publish"]) assert.equal(job(name).stage, "build");
  });

  it("checks merge requests and the default branch, with a Code Quality report", () => {
    const check = job("protogov:check");
    const ifs = (check.rules ?? []).map((r) => r.if);
    assert.ok(ifs.includes('$CI_PIPELINE_SOURCE == "merge_request_event"'));
    assert.ok(ifs.includes("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"));
    assert.equal(check.artifacts?.reports?.codequality, "gl-code-quality-report.json");
    assert.equal(check.artifacts?.when, "always", "the report is uploaded when findings fail the job");
    assert.ok((check.script ?? []).some((l) => l.includes("--format gitlab --output gl-code-quality-report.json")));
    assert.equal(check.variables?.["GIT_DEPTH"], "0");
  });

  it("builds and publishes from the default branch only, after the check", () => {
    for (const name of ["protogov:generate", "protogov:docs", "protogov:publish"]) {
      const j = job(name);
      const rules = j.rules ?? [];
      // The last rule that can run a job is the default-branch one; no rule runs it elsewhere.
      const running = rules.filter((r) => r.when !== "never");
      assert.deepEqual(
        running.map((r) => r.if),
        ["$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"],
        name,
      );
      assert.ok(
        rules.some((r) => r.if === '$PROTOGOV_BUILD == "false"' && r.when === "never"),
        `${name} can be turned off`,
      );
      assert.ok(j.needs?.includes("protogov:check"), `${name} needs the check`);
      const command = name.split(":")[1];
      assert.ok(
        (j.script ?? []).some((l) => l.includes(`$PROTOGOV_CMD ${command}`)),
        `${name} runs protogov ${command}`,
      );
    }
  });

  it("names no registry host or credential", () => {
    const text = readFileSync(join(repoRoot, "ci-templates", "gitlab", "protogov.gitlab-ci.yml"), "utf8");
    assert.doesNotMatch(text, /registry\.|_authToken|\/\/[a-z0-9.-]+\.(org|com|io)\//i);
  });
});

describe("GitLab template: the check job on a merge request", () => {
  it("passes a feature change and still writes both reports", async (t) => {
    const repo = await prRepo(t, addField);
    const result = await runJob(t, "protogov:check", repo.dir, mergeRequest);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /No findings\./);
    assert.deepEqual(JSON.parse(repo.read("gl-code-quality-report.json")), []);
    assert.match(repo.read("protogov-summary.md"), /^### ✅ protogov check/);
    assert.match(repo.read("protogov-summary.md"), /since `main \(merge-base\)`/);
  });

  it("fails on lint and breaking findings, with them in the log, the Code Quality report and the summary", async (t) => {
    const repo = await prRepo(t, breakIt);
    const result = await runJob(t, "protogov:check", repo.dir, mergeRequest);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    assert.match(result.stdout, /FIELD_LOWER_SNAKE_CASE/);
    assert.match(result.stdout, /FIELD_NO_DELETE/);
    const issues = JSON.parse(repo.read("gl-code-quality-report.json")) as { check_name: string; location: { path: string } }[];
    assert.ok(issues.some((i) => i.check_name === "FIELD_NO_DELETE" && i.location.path === MONEY));
    assert.ok(issues.some((i) => i.check_name === "FIELD_LOWER_SNAKE_CASE" && i.location.path === MONEY));
    assert.match(repo.read("protogov-summary.md"), /^### ❌ protogov check/);
  });

  it("holds the merge request title against the API diff (CI_MERGE_REQUEST_TITLE)", async (t) => {
    const repo = await prRepo(t, breakIt);
    const understated = await runJob(t, "protogov:check", repo.dir, {
      ...mergeRequest,
      CI_MERGE_REQUEST_TITLE: "fix: rename money fields",
    });
    assert.equal(understated.code, 1);
    assert.match(understated.stdout, /COMMIT_MESSAGE_UNDERSTATES/);
    assert.match(understated.stdout, /"fix: rename money fields" announces less than a major change/);
    const stated = await runJob(t, "protogov:check", repo.dir, { ...mergeRequest, CI_MERGE_REQUEST_TITLE: "fix!: rename money fields" });
    assert.doesNotMatch(stated.stdout, /COMMIT_MESSAGE_UNDERSTATES/);
  });

  it("honours PROTOGOV_AGAINST", async (t) => {
    const repo = await prRepo(t, breakIt);
    const result = await runJob(t, "protogov:check", repo.dir, { ...mergeRequest, PROTOGOV_AGAINST: "feature" });
    assert.equal(result.code, 1);
    assert.doesNotMatch(result.stdout, /FIELD_NO_DELETE/);
    assert.match(result.stdout, /FIELD_LOWER_SNAKE_CASE/);
  });

  it("exits 2 when protogov cannot run, without a Code Quality report to mislead", async (t) => {
    const repo = await prRepo(t, addField);
    const result = await runJob(t, "protogov:check", repo.dir, { ...mergeRequest, PROTOGOV_PATHS: "no-such-dir" });
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.equal(existsSync(repo.path("gl-code-quality-report.json")), false);
  });

  it("without protogov in the project, PROTOGOV_VERSION or PROTOGOV_CMD, says what to set (exit 2) and installs nothing", async (t) => {
    const repo = await prRepo(t, addField);
    const result = await runJob(t, "protogov:check", repo.dir, { ...mergeRequest, PROTOGOV_CMD: "" });
    assert.equal(result.code, 2, result.stdout + result.stderr);
    assert.match(result.stderr, /add it to the project's devDependencies/);
    assert.equal(existsSync(repo.path(".protogov-tool")), false);
  });
});

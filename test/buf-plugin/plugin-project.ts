/**
 * A buf module that lists `buf-plugin-protogov` in its buf.yaml the way a user
 * does, with the plugin on PATH the way `npm install` puts it there (a link
 * in a bin directory to the package's bin/buf-plugin-protogov).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import type { TestContext } from "node:test";
import { bufBinary } from "../../core/engines/buf/buf.js";
import { fixturesDir, repoRoot } from "../support/paths.js";
import { type TempProject, tempProject } from "../support/temp-project.js";

/** An environment whose PATH finds `buf-plugin-protogov` first. */
export function pluginEnv(t: TestContext): NodeJS.ProcessEnv {
  const binDir = mkdtempSync(join(tmpdir(), "protogov-bin-"));
  t.after(() => rmSync(binDir, { recursive: true, force: true }));
  symlinkSync(join(repoRoot, "bin", "buf-plugin-protogov"), join(binDir, "buf-plugin-protogov"));
  return { ...process.env, PATH: `${binDir}${delimiter}${process.env.PATH ?? ""}` };
}

/** The error-range fixture (errors numbered 1001 and 2500) as a buf module with protogov's error options. */
export function errorsModule(t: TestContext, bufYaml: string): TempProject {
  const project = tempProject(t);
  project.copy(join(fixturesDir, "errors", "number-range", "acme"), "acme");
  mkdirSync(project.path("protogov"));
  project.copy(join(repoRoot, "proto", "protogov"), "protogov");
  project.write("buf.yaml", bufYaml);
  return project;
}

export interface BufFinding {
  path: string;
  start_line: number;
  type: string;
  message: string;
  plugin?: string;
}

export function runBufJson(args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const r = spawnSync(bufBinary(), [...args, "--error-format", "json"], { cwd, env, encoding: "utf8" });
  const findings = r.stdout
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as BufFinding);
  return { code: r.status, findings, stderr: r.stderr, stdout: r.stdout };
}

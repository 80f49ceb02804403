/**
 * Rule fixtures live in test/fixtures/rules/<rule-id>/, each a small project
 * with its own protogov.yaml. Tests lint them in place through the real CLI,
 * or lint a temp copy with another protogov.yaml to try other settings.
 */
import { join } from "node:path";
import type { TestContext } from "node:test";
import { fixturesDir } from "./paths.js";
import { type JsonReport, runJson } from "./run-cli.js";
import { tempProject } from "./temp-project.js";

export function ruleFixture(name: string): string {
  return join(fixturesDir, "rules", name);
}

/** `protogov lint --format json [args]` run inside the fixture. */
export function lintFixture(name: string, args: readonly string[] = []): Promise<{ code: number; report: JsonReport; stderr: string }> {
  return runJson(["lint", ...args], { cwd: ruleFixture(name) });
}

/** Lints a temp copy of the fixture whose protogov.yaml is replaced by `config`. */
export function lintFixtureWith(
  t: TestContext,
  name: string,
  config: string,
  args: readonly string[] = [],
): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const project = tempProject(t);
  project.copy(ruleFixture(name));
  project.write("protogov.yaml", config);
  return runJson(["lint", ...args], { cwd: project.dir });
}

/**
 * A repository shaped like a user's: proto-examples and protogov's proto/
 * committed on main (with origin/main, as a CI clone has it), then a feature
 * branch with a scripted change, the way a pull or merge request looks to CI.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestContext } from "node:test";
import { type TempRepo, tempRepo } from "../hook/git-repo.js";
import { examplesDir, repoRoot } from "../support/paths.js";

export const MONEY = "proto-examples/acme/common/v1/money.proto";

/** A documented field added to Money: an API feature (semver minor), no findings. */
export function addField(text: string): string {
  return text.replace(
    "  int32 nanos = 3;\n}",
    "  int32 nanos = 3;\n  // Free text shown next to the amount.\n  string display_note = 4;\n}",
  );
}

/** A field removed (breaking) and a field renamed to break lint. */
export function breakIt(text: string): string {
  return text
    .replace(/ {2}\/\/ Number of nano[\s\S]*?int32 nanos = 3;\n/, "  reserved 3;\n")
    .replace("string currency_code = 1;", "string currencyCode = 1;");
}

export async function prRepo(t: TestContext, change: (text: string) => string): Promise<TempRepo> {
  const repo = await tempRepo(t);
  cpSync(examplesDir, repo.path("proto-examples"), { recursive: true });
  cpSync(join(repoRoot, "proto"), repo.path("proto"), { recursive: true });
  await repo.git("add", ".");
  await repo.commit("examples", "--no-verify");
  await repo.git("update-ref", "refs/remotes/origin/main", "HEAD");
  await repo.git("checkout", "-q", "-b", "feature");
  writeFileSync(repo.path(MONEY), change(readFileSync(repo.path(MONEY), "utf8")));
  await repo.git("add", ".");
  await repo.commit("the change", "--no-verify");
  return repo;
}

/** A fresh directory for what CI gives a job: RUNNER_TEMP, the summary and output files. */
export function ciTemp(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), "protogov-ci-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

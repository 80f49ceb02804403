/**
 * Measurement (not part of the suite): googleapis-style commits replayed on a
 * scratch git repository made from a copy of google/cloud/secretmanager/v1 and
 * its imports from a googleapis corpus. `main` holds the state before each
 * commit (the annotations the commits added taken out); each branch restores
 * what googleapis has, the way its history added it:
 * - output_only: `field_behavior = OUTPUT_ONLY` on two existing fields (not breaking),
 * - optional: `field_behavior = OPTIONAL` on two existing fields (not breaking),
 * - plural_singular: `plural` / `singular` on both resources (not breaking),
 * - paginated: ListSecretVersions gains page_size, page_token, next_page_token (breaking).
 * Runs the compiled CLI (`npm run build` first), or another build given as
 * the second argument, and prints each verdict; exits 1 when one is not the
 * expected one.
 *   node dist/bench/googleapis-history.js [corpus] [bin.js]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (dist/bench -> root) and the compiled CLI. */
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const cliBin = join(repoRoot, "dist", "cli", "bin.js");

const corpus = resolve(process.argv[2] ?? join(repoRoot, "..", "shared", "corpora", "googleapis"));
const bin = resolve(process.argv[3] ?? cliBin);
if (!existsSync(join(corpus, "google", "cloud", "secretmanager", "v1"))) {
  process.stderr.write(`${corpus} has no google/cloud/secretmanager/v1\n`);
  process.exit(2);
}

const RES = "google/cloud/secretmanager/v1/resources.proto";
const SVC = "google/cloud/secretmanager/v1/service.proto";
const real: Record<string, string> = { [RES]: readFileSync(join(corpus, RES), "utf8"), [SVC]: readFileSync(join(corpus, SVC), "utf8") };

/** [file, text googleapis has, text before the commit] */
type Edit = [string, string, string];
const message = (name: string) => new RegExp(`message ${name} \\{.*?\\n\\}\\n`, "s").exec(real[SVC] ?? "")?.[0] ?? "";
const without = (text: string, field: RegExp) => text.replace(field, "\n");
const request = message("ListSecretVersionsRequest");
const response = message("ListSecretVersionsResponse");
const commits: Record<string, { edits: Edit[]; breaking: boolean }> = {
  output_only: {
    breaking: false,
    edits: [
      [
        RES,
        "  string name = 1 [(google.api.field_behavior) = OUTPUT_ONLY];\n\n  // Output only. The time at which the\n  // [SecretVersion]",
        "  string name = 1;\n\n  // Output only. The time at which the\n  // [SecretVersion]",
      ],
      [RES, "  string etag = 6 [(google.api.field_behavior) = OUTPUT_ONLY];", "  string etag = 6;"],
    ],
  },
  optional: {
    breaking: false,
    edits: [
      [RES, "  string etag = 8 [(google.api.field_behavior) = OPTIONAL];", "  string etag = 8;"],
      [RES, "  Rotation rotation = 9 [(google.api.field_behavior) = OPTIONAL];", "  Rotation rotation = 9;"],
    ],
  },
  plural_singular: {
    breaking: false,
    edits: [
      [RES, '/secrets/{secret}"\n    plural: "secrets"\n    singular: "secret"\n', '/secrets/{secret}"\n'],
      [RES, '/versions/{secret_version}"\n    plural: "secretVersions"\n    singular: "secretVersion"\n', '/versions/{secret_version}"\n'],
    ],
  },
  paginated: {
    breaking: true,
    edits: [
      [
        SVC,
        request,
        without(
          without(request, /\n( {2}\/\/[^\n]*\n)* {2}int32 page_size = 2[^;]*;\n/),
          /\n( {2}\/\/[^\n]*\n)* {2}string page_token = 3[^;]*;\n/,
        ),
      ],
      [SVC, response, without(response, /\n( {2}\/\/[^\n]*\n)* {2}string next_page_token = 2;\n/)],
    ],
  },
};

const root = mkdtempSync(join(tmpdir(), "protogov-googleapis-history-"));
const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=m", "-c", "user.email=m@example.com", ...args], { cwd: root });
try {
  for (const dir of ["google/api", "google/iam/v1", "google/type", "google/rpc", "google/longrunning", "google/cloud/secretmanager/v1"]) {
    cpSync(join(corpus, dir), join(root, dir), { recursive: true, filter: (src) => !/\.(ya?ml|json|bazel)$|BUILD/.test(src) });
  }
  for (const extra of ["apikeys", "cloudquotas", "expr", "servicecontrol", "servicemanagement", "serviceusage"]) {
    rmSync(join(root, "google/api", extra), { recursive: true, force: true });
  }
  const before = { ...real };
  for (const { edits } of Object.values(commits)) {
    for (const [file, now, then] of edits) {
      if (now === then || !before[file]?.includes(now))
        throw new Error(`${file}: the corpus does not read as expected (${now.slice(0, 50)})`);
      before[file] = before[file].replace(now, then);
    }
  }
  for (const [file, text] of Object.entries(before)) writeFileSync(join(root, file), text);
  git("init", "-q", "--initial-branch=main");
  git("add", "-A");
  git("commit", "-qm", "before");
  let wrong = 0;
  process.stdout.write(`| commit | expected | exit | findings |\n|---|---|---|---|\n`);
  for (const [name, { edits, breaking }] of Object.entries(commits)) {
    git("checkout", "-q", "-b", name, "main");
    const text = { ...before };
    for (const [file, now, then] of edits) text[file] = (text[file] ?? "").replace(then, now);
    for (const [file, t] of Object.entries(text)) writeFileSync(join(root, file), t);
    git("commit", "-qam", name);
    const run = spawnSync(process.execPath, [bin, "--format", "json", "breaking", "--against", "main"], {
      cwd: root,
      env: { ...process.env, PROTOGOV_CACHE_DIR: join(root, ".cache") },
    });
    const findings = run.status === 2 ? [] : (JSON.parse(run.stdout.toString()) as { findings: { rule: string }[] }).findings;
    const rules = [...new Set(findings.map((f) => f.rule))].join(", ");
    if ((run.status === 1) !== breaking) wrong++;
    process.stdout.write(`| ${name} | ${breaking ? "breaking" : "not breaking"} | ${run.status} | ${rules} |\n`);
  }
  process.exitCode = wrong === 0 ? 0 : 1;
} finally {
  rmSync(root, { recursive: true, force: true });
}

/**
 * Custom option values on a branch (fixture test/fixtures/breaking/custom-option):
 * buf breaking does not compare them, protogov's diff engine does, by value,
 * classified per option full name (google.api defaults, protogov.yaml).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { diffFixtures } from "../diff/support.js";
import { branch, breakingFixtures, changeList, gitRepo, type Repo } from "./support.js";

const DEMO = "acme/demo/v1/demo.proto";
/** Shared with the diff fixtures rather than vendored a second time. */
const FIELD_BEHAVIOR = "google/api/field_behavior.proto";

async function demoBranch(t: Parameters<typeof gitRepo>[0], change: (repo: Repo) => void): Promise<Repo> {
  const repo = await gitRepo(t, join(breakingFixtures, "custom-option"), {
    [FIELD_BEHAVIOR]: join(diffFixtures, "_deps", FIELD_BEHAVIOR),
  });
  await branch(repo, "options");
  change(repo);
  await repo.commitAll("options");
  return repo;
}

test("a changed custom option and a field_behavior made REQUIRED are OPTION_CHANGED breaks", async (t) => {
  const repo = await demoBranch(t, (r) => {
    r.edit(DEMO, '(acme.demo.v1.sensitivity) = "low"', '(acme.demo.v1.sensitivity) = "medium"');
    r.edit(DEMO, "(google.api.field_behavior) = OPTIONAL", "(google.api.field_behavior) = REQUIRED");
  });

  const { code, report } = await repo.json(["breaking"]);
  assert.equal(code, 1);
  // buf has nothing to say: both findings come from protogov's diff engine.
  assert.deepEqual(
    report.findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.severity}`),
    [`${DEMO}:11 OPTION_CHANGED error`, `${DEMO}:12 OPTION_CHANGED error`],
  );

  const log = await repo.changelog();
  assert.equal(log.bump, "major");
  assert.deepEqual(
    log.changes.map((c) => `${c.rule} ${c.classification} ${c.aspect} ${c.before} -> ${c.after}`),
    [
      'OPTION_CHANGED breaking option:google.api.field_behavior ["OPTIONAL"] -> ["REQUIRED"]',
      'OPTION_CHANGED breaking option:acme.demo.v1.sensitivity "low" -> "medium"',
    ],
  );
  assert.ok(
    log.changes.some(
      (c) =>
        c.message ===
        'The option `(acme.demo.v1.sensitivity)` of field `id` in message `acme.demo.v1.Thing` is changed from `"low"` to `"medium"`.',
    ),
    changeList(log.changes).join("\n"),
  );
});

test("option classifications from protogov.yaml and the google.api defaults decide the verdict", async (t) => {
  const repo = await demoBranch(t, (r) => {
    r.write("protogov.yaml", "version: 1\nbreaking:\n  options:\n    acme.demo.v1.sensitivity: internal\n");
    r.edit(DEMO, '(acme.demo.v1.sensitivity) = "high"', '(acme.demo.v1.sensitivity) = "pii"');
    // Dropping OPTIONAL only stops documenting the default: docs.
    r.edit(DEMO, ",\n    (google.api.field_behavior) = OPTIONAL", "");
  });

  const breaking = await repo.run(["breaking"]);
  assert.equal(breaking.code, 0, breaking.stdout + breaking.stderr);
  assert.match(breaking.stdout, /^No findings\.\n/);

  const log = await repo.changelog();
  assert.equal(log.bump, "patch");
  assert.deepEqual(changeList(log.changes).sort(), [
    "OPTION_CHANGED internal acme.demo.v1.Thing.owner_email",
    "OPTION_REMOVED docs acme.demo.v1.Thing.id",
  ]);
});

test("a field_behavior REQUIRED added where none was set is OPTION_ADDED, breaking", async (t) => {
  const repo = await demoBranch(t, (r) =>
    r.edit(
      DEMO,
      'string owner_email = 2 [(acme.demo.v1.sensitivity) = "high"];',
      'string owner_email = 2 [\n    (acme.demo.v1.sensitivity) = "high",\n    (google.api.field_behavior) = REQUIRED\n  ];',
    ),
  );
  const { code, report } = await repo.json(["breaking"]);
  assert.equal(code, 1);
  assert.deepEqual(
    report.findings.map((f) => `${f.rule} ${f.severity}`),
    ["OPTION_ADDED error"],
  );
  assert.match(report.findings[0]?.message ?? "", /google\.api\.field_behavior/);
});

/**
 * The per-value option rules and the API-shape rules in a real repository
 * (fixture test/fixtures/breaking/api-shape), the way googleapis commits look:
 * documenting field behaviour and naming a resource is not breaking; making a
 * List method paginated is, though every field it adds is a feature.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { diffFixtures } from "../diff/support.js";
import { branch, breakingFixtures, gitRepo, type Repo } from "./support.js";

const LIBRARY = "acme/library/v1/library.proto";
const DEPS = ["google/api/field_behavior.proto", "google/api/resource.proto"];

async function libraryRepo(t: Parameters<typeof gitRepo>[0]): Promise<Repo> {
  const extra = Object.fromEntries(DEPS.map((d) => [d, join(diffFixtures, "_deps", d)]));
  const repo = await gitRepo(t, join(breakingFixtures, "api-shape"), extra);
  await branch(repo, "change");
  return repo;
}

test("OUTPUT_ONLY and OPTIONAL added, plural and singular added: not breaking, a patch", async (t) => {
  const repo = await libraryRepo(t);
  repo.edit(LIBRARY, "string title = 2;", "string title = 2 [(google.api.field_behavior) = OPTIONAL];");
  repo.edit(LIBRARY, "string create_time = 3;", "string create_time = 3 [(google.api.field_behavior) = OUTPUT_ONLY];");
  repo.edit(
    LIBRARY,
    '    pattern: "shelves/{shelf}/books/{book}"\n',
    '    pattern: "shelves/{shelf}/books/{book}"\n    plural: "books"\n    singular: "book"\n',
  );
  await repo.commitAll("docs: document field behaviour and resource names");

  const { code, report } = await repo.json(["breaking"]);
  assert.deepEqual(report.findings, []);
  assert.equal(code, 0);
  const log = await repo.changelog();
  assert.equal(log.bump, "patch");
  assert.deepEqual(
    log.changes.map((c) => `${c.rule} ${c.classification} ${c.name}`),
    [
      "OPTION_CHANGED docs acme.library.v1.Book",
      "OPTION_ADDED docs acme.library.v1.Book.title",
      "OPTION_ADDED docs acme.library.v1.Book.create_time",
    ],
  );
});

test("IMMUTABLE added to an existing field is breaking", async (t) => {
  const repo = await libraryRepo(t);
  repo.edit(LIBRARY, "string title = 2;", "string title = 2 [(google.api.field_behavior) = IMMUTABLE];");
  await repo.commitAll("fix!: title is immutable");
  const { code, report } = await repo.json(["breaking"]);
  assert.equal(code, 1);
  assert.deepEqual(
    report.findings.map((f) => `${f.file}:${f.line} ${f.rule}`),
    [`${LIBRARY}:19 OPTION_ADDED`],
  );
});

test("a List method that becomes paginated is a breaking METHOD_PAGINATION_ADDED", async (t) => {
  const repo = await libraryRepo(t);
  repo.edit(LIBRARY, "  string parent = 1;\n", "  string parent = 1;\n  int32 page_size = 2;\n  string page_token = 3;\n");
  repo.edit(LIBRARY, "  repeated Book books = 1;\n", "  repeated Book books = 1;\n  string next_page_token = 2;\n");
  await repo.commitAll("feat: paginate ListBooks");

  const { code, report } = await repo.json(["breaking"]);
  assert.equal(code, 1);
  assert.deepEqual(
    report.findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.severity}`),
    [`${LIBRARY}:9 METHOD_PAGINATION_ADDED error`],
  );
  const log = await repo.changelog();
  assert.equal(log.bump, "major");
  assert.equal(log.changes.filter((c) => c.rule === "FIELD_ADDED").length, 3);
});

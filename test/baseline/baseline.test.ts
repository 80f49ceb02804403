/**
 * The baseline: `protogov baseline` records today's findings; lint, check and
 * the hook then fail only on new ones. Fingerprints survive inserted lines and
 * unrelated edits; fixed entries are stale and pruned; --no-baseline shows all.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { outlineProto } from "../../core/model/findings/element-outline.js";
import { tempRepo } from "../hook/git-repo.js";
import { type JsonFinding, runCli } from "../support/run-cli.js";
import { tempProject } from "../support/temp-project.js";

const OLD = `syntax = "proto3";

package acme.x.v1;

// A thing.
message thing_record {
  string ID = 1;
}
`;

const findingsOf = (stdout: string): JsonFinding[] => (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;

describe("element outline", () => {
  it("names the element of each line, nested, with the package", () => {
    const outline = outlineProto(
      `syntax = "proto3";\npackage a.b.v1;\n/* a { comment */\nmessage Outer {\n  // x = 1;\n  message Inner { int32 deep = 1; }\n  map<string, Inner> by_name = 2;\n  oneof pick {\n    string s = 3;\n  }\n  option (x) = { a: "}" };\n}\nenum Kind {\n  KIND_UNSPECIFIED = 0;\n}\nservice S {\n  rpc Get(Outer) returns (Outer) {\n    option deprecated = true;\n  }\n}\n`,
    );
    assert.equal(outline.at(1), "");
    assert.equal(outline.at(3), "a.b.v1");
    assert.equal(outline.at(4), "a.b.v1.Outer");
    assert.equal(outline.at(5), "a.b.v1.Outer");
    assert.equal(outline.at(6), "a.b.v1.Outer.Inner");
    assert.equal(outline.at(7), "a.b.v1.Outer.by_name");
    assert.equal(outline.at(9), "a.b.v1.Outer.pick.s");
    assert.equal(outline.at(11), "a.b.v1.Outer");
    assert.equal(outline.at(14), "a.b.v1.Kind.KIND_UNSPECIFIED");
    assert.equal(outline.at(17), "a.b.v1.S.Get");
    assert.equal(outline.at(18), "a.b.v1.S.Get");
    assert.equal(outline.at(21), "a.b.v1");
  });
});

describe("protogov baseline", () => {
  it("records today's findings; only new ones fail, after inserted lines and unrelated edits", async (t) => {
    const p = tempProject(t, { "acme/x/v1/thing.proto": OLD });
    assert.equal((await runCli(["lint"], { cwd: p.dir })).code, 1);
    const recorded = await runCli(["baseline"], { cwd: p.dir });
    assert.equal(recorded.code, 0, recorded.stderr);
    assert.match(recorded.stderr, /Recorded 3 finding\(s\) in protogov\.baseline\.json/);
    const baseline = JSON.parse(p.read("protogov.baseline.json")) as { findings: { line?: number; element: string }[] };
    assert.ok(
      baseline.findings.every((f) => f.line === undefined),
      "no line numbers in the baseline",
    );

    const clean = await runCli(["check", "--format", "json"], { cwd: p.dir });
    assert.equal(clean.code, 0, clean.stdout + clean.stderr);
    assert.match(clean.stderr, /3 finding\(s\) recorded in protogov\.baseline\.json not shown/);

    // Lines inserted above, an unrelated element added (documented, clean), and one new violation.
    p.write(
      "acme/x/v1/thing.proto",
      OLD.replace("// A thing.", "// A note.\nmessage Note {\n  // The text.\n  string text = 1;\n}\n\n// A thing.").replace(
        "  string ID = 1;",
        "  string ID = 1;\n  // The owner.\n  string OwnerName = 2;",
      ),
    );
    const one = await runCli(["lint", "--format", "json"], { cwd: p.dir });
    assert.equal(one.code, 1, one.stdout + one.stderr);
    assert.deepEqual(
      findingsOf(one.stdout).map((f) => f.rule),
      ["FIELD_LOWER_SNAKE_CASE"],
    );
    assert.match(findingsOf(one.stdout)[0]?.message ?? "", /OwnerName/);

    const all = await runCli(["lint", "--no-baseline", "--format", "json"], { cwd: p.dir });
    assert.equal(findingsOf(all.stdout).length, 4);
  });

  it("reports fixed entries as stale and prunes them, keeping the rest", async (t) => {
    const p = tempProject(t, { "acme/x/v1/thing.proto": OLD });
    assert.equal((await runCli(["baseline"], { cwd: p.dir })).code, 0);
    p.write("acme/x/v1/thing.proto", OLD.replace("  string ID = 1;", "  // The id.\n  string ID = 1;"));
    const stale = await runCli(["lint"], { cwd: p.dir });
    assert.equal(stale.code, 0, stale.stdout + stale.stderr);
    assert.match(stale.stderr, /1 entry of protogov\.baseline\.json no longer found/);
    assert.match(stale.stderr, /COMMENT_FIELD acme\.x\.v1\.thing_record\.ID/);
    const pruned = await runCli(["baseline", "--prune"], { cwd: p.dir });
    assert.equal(pruned.code, 0, pruned.stderr);
    assert.match(pruned.stderr, /1 stale entry removed; 2 finding\(s\) remain/);
    const again = await runCli(["lint"], { cwd: p.dir });
    assert.equal(again.code, 0);
    assert.doesNotMatch(again.stderr, /no longer found/);
  });

  it("only a run that can tell calls an entry fixed: lint keeps FORMAT entries, a narrowed run none", async (t) => {
    const p = tempProject(t, {
      "acme/x/v1/thing.proto": OLD.replace("message thing_record {", "message   thing_record   {"),
      "acme/y/v1/other.proto": OLD.replace("acme.x.v1", "acme.y.v1"),
    });
    assert.equal((await runCli(["baseline"], { cwd: p.dir })).code, 0);
    assert.match(p.read("protogov.baseline.json"), /"rule": "FORMAT"/);
    const lint = await runCli(["lint"], { cwd: p.dir });
    assert.equal(lint.code, 0, lint.stdout + lint.stderr);
    assert.doesNotMatch(lint.stderr, /no longer found/, "lint runs no format check");
    // Fix every finding of acme/y; a run narrowed to acme/x cannot see that, a whole run can.
    p.write(
      "acme/y/v1/other.proto",
      OLD.replace("acme.x.v1", "acme.y.v1")
        .replace("thing_record", "ThingRecord")
        .replace("  string ID = 1;", "  // The id.\n  string id = 1;"),
    );
    const narrowed = await runCli(["check", "acme/x"], { cwd: p.dir });
    assert.equal(narrowed.code, 0, narrowed.stdout + narrowed.stderr);
    assert.doesNotMatch(narrowed.stderr, /no longer found/);
    const whole = await runCli(["check"], { cwd: p.dir });
    assert.match(whole.stderr, /3 entries of protogov\.baseline\.json no longer found/);
  });

  it("names a corrupt baseline (exit 2), honours `baseline:` in protogov.yaml", async (t) => {
    const p = tempProject(t, { "acme/x/v1/thing.proto": OLD, "protogov.baseline.json": "{ not json" });
    const broken = await runCli(["lint"], { cwd: p.dir });
    assert.equal(broken.code, 2, broken.stdout + broken.stderr);
    assert.match(broken.stderr, /protogov\.baseline\.json is not JSON/);
    assert.doesNotMatch(broken.stderr, /\n\s+at /, "no stack trace");

    p.write("protogov.yaml", "version: 1\nbaseline: governance/known-findings.json\n");
    p.write("governance/.keep", "");
    assert.equal((await runCli(["baseline"], { cwd: p.dir })).code, 0);
    assert.match(p.read("governance/known-findings.json"), /FIELD_LOWER_SNAKE_CASE/);
    assert.equal((await runCli(["lint"], { cwd: p.dir })).code, 0);
  });

  it("the hook fails on a new violation only, and shows warnings only on the elements a commit touches", async (t) => {
    const repo = await tempRepo(t, {
      "protogov.yaml": "version: 1\nlint:\n  rules:\n    COMMENT_FIELD: warn\n",
      "acme/x/v1/thing.proto": OLD.replace("message thing_record {", "message thing_record {\n  // The name.\n  string name = 2;"),
    });
    const recorded = await repo.protogov("baseline");
    assert.equal(recorded.code, 0, recorded.stderr);
    await repo.git("add", "protogov.baseline.json");
    assert.equal((await repo.commit("baseline", "--no-verify")).code, 0);

    // A new undocumented field (a warning on the touched element) and a new error, far from the old findings.
    repo.write("acme/x/v1/thing.proto", `${repo.read("acme/x/v1/thing.proto")}\n// Another.\nmessage Other {\n  string Bad_Name = 1;\n}\n`);
    await repo.git("add", "acme/x/v1/thing.proto");
    const run = await repo.protogov("hook", "run", "--format", "json");
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const rules = findingsOf(run.stdout).map((f) => `${f.rule}:${f.line}`);
    assert.deepEqual(rules.sort(), ["COMMENT_FIELD:14", "FIELD_LOWER_SNAKE_CASE:14"]);
    assert.match(run.stderr, /finding\(s\) recorded in protogov\.baseline\.json not shown/);

    // An unrelated edit: a documented field added to thing_record; the old COMMENT_FIELD warning on ID stays quiet.
    await repo.git("reset", "-q");
    repo.write(
      "acme/x/v1/thing.proto",
      (await repo.staged("acme/x/v1/thing.proto")).replace("  string ID = 1;", "  string ID = 1;\n  // The size.\n  int32 size = 3;"),
    );
    await repo.git("add", "acme/x/v1/thing.proto");
    const quiet = await repo.protogov("hook", "run", "--no-baseline", "--format", "json");
    const shown = findingsOf(quiet.stdout);
    assert.ok(!shown.some((f) => f.rule === "COMMENT_FIELD"), quiet.stdout);
    assert.match(quiet.stderr, /warning\(s\) on elements this commit does not touch not shown/);
  });

  it("check against a git base shows warnings only on the elements the branch changed (--all shows every one)", async (t) => {
    const repo = await tempRepo(t, {
      "protogov.yaml": "version: 1\nlint:\n  rules:\n    COMMENT_FIELD: warn\n",
      "acme/x/v1/thing.proto": OLD.replace("  string ID = 1;", "  string id = 1;").replace("thing_record", "ThingRecord"),
    });
    await repo.git("checkout", "-q", "-b", "feature");
    repo.write("acme/x/v1/thing.proto", `${repo.read("acme/x/v1/thing.proto")}\n// Other.\nmessage Other {\n  string label = 1;\n}\n`);
    await repo.git("commit", "-qam", "feature");
    const check = await repo.protogov("check", "--against", "main", "--format", "json");
    assert.equal(check.code, 0, check.stdout + check.stderr);
    assert.deepEqual(
      findingsOf(check.stdout).map((f) => `${f.rule}:${f.line}`),
      ["COMMENT_FIELD:12"],
    );
    assert.match(check.stderr, /1 warning\(s\) on elements this change does not touch not shown/);
    const all = await repo.protogov("check", "--against", "main", "--all", "--format", "json");
    assert.equal(findingsOf(all.stdout).length, 2, all.stdout);
  });
});

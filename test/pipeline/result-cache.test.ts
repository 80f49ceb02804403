/**
 * The result cache (core/features/pipeline/result-cache.ts) through the real
 * CLI and buf: a cached run prints byte for byte what an uncached run prints,
 * on every fixture project; a change to a file, to a file it imports, to
 * protogov.yaml or to protogov's version re-checks what it must; two runs
 * share one cache; a damaged entry is ignored with a warning.
 * PROTOGOV_CACHE_REPORT=1 makes each run say how it used the cache.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { cachedFindings } from "../../core/features/pipeline/result-cache.js";
import type { Finding } from "../../core/model/findings/finding.js";
import { openProject } from "../../core/model/project/project.js";
import { cliBin, examplesDir, fixturesDir } from "../support/paths.js";
import { runCli } from "../support/run-cli.js";
import { tempProject } from "../support/temp-project.js";

const caches: string[] = [];
function newCache(): string {
  const dir = mkdtempSync(join(tmpdir(), "protogov-result-cache-"));
  caches.push(dir);
  return dir;
}
after(() => {
  for (const dir of caches) rmSync(dir, { recursive: true, force: true });
});

/** Every fixture directory that is a project of its own (holds .proto files, compiles or not). */
function fixtureProjects(): string[] {
  const single = ["lint-violation", "syntax-error", "bad-import"].map((d) => join(fixturesDir, d));
  const grouped = ["errors", "rules", "layouts"].flatMap((group) =>
    readdirSync(join(fixturesDir, group))
      .map((c) => join(fixturesDir, group, c))
      .filter((d) => statSync(d).isDirectory()),
  );
  return [...single, ...grouped];
}

async function lint(cwd: string, cache: string, env: Record<string, string> = {}, args: string[] = ["lint"]) {
  return runCli([...args, "--format", "json"], { cwd, env: { PROTOGOV_CACHE_DIR: cache, PROTOGOV_CACHE_REPORT: "1", ...env } });
}

describe("result cache", () => {
  it("cold, warm and uncached runs print the same report on every fixture project", async () => {
    const projects = [...fixtureProjects(), examplesDir];
    assert.ok(projects.length >= 15, `only ${projects.length} fixture projects found`);
    for (const dir of projects) {
      for (const command of ["lint", "check"]) {
        const cache = newCache();
        const uncached = await lint(dir, cache, { PROTOGOV_NO_CACHE: "1" }, [command]);
        const cold = await lint(dir, cache, {}, [command]);
        const warm = await lint(dir, cache, {}, [command]);
        const name = `${command} ${dir}`;
        assert.equal(cold.stdout, uncached.stdout, name);
        assert.equal(warm.stdout, uncached.stdout, name);
        assert.equal(warm.code, uncached.code, name);
        // `check` inside this repository compares against its base branch, which the result cache leaves alone.
        if (command === "lint") {
          assert.match(cold.stderr, /result cache: full run/, name);
          assert.match(warm.stderr, /result cache: hit \(0 of \d+ files re-checked\)/, name);
        }
      }
    }
  });

  it("a change to an imported file re-checks it and its importers; the report equals an uncached run", async (t) => {
    const p = tempProject(t);
    p.copy(examplesDir);
    const cache = newCache();
    await lint(p.dir, cache);
    // money.proto is imported by orders and payments: a lint violation there, and a new field.
    p.write("acme/common/v1/money.proto", p.read("acme/common/v1/money.proto").replace(/\n}\s*$/, "\n  string CurrencyNote = 9;\n}\n"));
    const edited = await lint(p.dir, cache);
    assert.match(edited.stderr, /result cache: re-checked (\d+) of 9 files \(1 changed\)/);
    const recheckedCount = Number(/re-checked (\d+) of/.exec(edited.stderr)?.[1]);
    assert.ok(recheckedCount >= 3 && recheckedCount < 9, edited.stderr);
    const uncached = await lint(p.dir, cache, { PROTOGOV_NO_CACHE: "1" });
    assert.equal(edited.stdout, uncached.stdout);
    assert.match(edited.stdout, /CurrencyNote/);
    const again = await lint(p.dir, cache);
    assert.match(again.stderr, /result cache: hit/);
    assert.equal(again.stdout, uncached.stdout);
  });

  it("an edit re-checks its importers, package and one RPC partner, not every importer of what it imports, unless the AIP pack is on", async (t) => {
    const common = `syntax = "proto3";\n\n// Shared types.\npackage shared.v1;\n\n// An amount.\nmessage Money {\n  // ISO 4217.\n  string currency = 1;\n}\n\n// Asks for one thing.\nmessage GetThingRequest {\n  // The thing's id.\n  string id = 1;\n}\n`;
    const service = (pkg: string) =>
      `syntax = "proto3";\n\n// The ${pkg} API.\npackage ${pkg}.v1;\n\nimport "shared/v1/common.proto";\n\n// A thing.\nmessage Thing {\n  // Its price.\n  shared.v1.Money price = 1;\n}\n\n// Things.\nservice ${pkg.toUpperCase()}Service {\n  // Gets a thing.\n  rpc GetThing(shared.v1.GetThingRequest) returns (Thing);\n}\n`;
    for (const aip of [false, true]) {
      const p = tempProject(t);
      p.write("shared/v1/common.proto", common);
      for (const pkg of ["a", "b", "c"]) p.write(`${pkg}/v1/${pkg}.proto`, service(pkg));
      p.write("protogov.yaml", aip ? "version: 1\nlint:\n  rules:\n    AIP: { severity: error }\n" : "version: 1\n");
      const cache = newCache();
      await lint(p.dir, cache);
      p.write(
        "a/v1/a.proto",
        p.read("a/v1/a.proto").replace("shared.v1.Money price = 1;", "shared.v1.Money price = 1;\n  // A note.\n  string NoteText = 2;"),
      );
      const edited = await lint(p.dir, cache);
      const uncached = await lint(p.dir, cache, { PROTOGOV_NO_CACHE: "1" });
      assert.equal(edited.stdout, uncached.stdout, `aip: ${aip}`);
      assert.match(edited.stdout, /NoteText/);
      // a.proto, and one other file whose RPC shares GetThingRequest (RPC_REQUEST_RESPONSE_UNIQUE needs to see both).
      if (!aip) assert.match(edited.stderr, /result cache: re-checked 2 of 4 files \(1 changed\)/);
      else assert.doesNotMatch(edited.stderr, /re-checked 1 of 4/, "with AIP the shared file and its importers are checked again");
    }
  });

  it("a change to protogov.yaml runs everything again", async (t) => {
    const p = tempProject(t);
    p.copy(examplesDir);
    p.write("protogov.yaml", "version: 1\n");
    const cache = newCache();
    await lint(p.dir, cache);
    assert.match((await lint(p.dir, cache)).stderr, /result cache: hit/);
    p.write("protogov.yaml", "version: 1\n# a comment changes the configuration's bytes\n");
    const after = await lint(p.dir, cache);
    assert.match(after.stderr, /result cache: full run/);
  });

  it("another protogov or buf version does not read this version's results", async () => {
    const cache = newCache();
    const previous = process.env["PROTOGOV_CACHE_DIR"];
    process.env["PROTOGOV_CACHE_DIR"] = cache;
    try {
      const project = openProject({ cwd: examplesDir });
      let runs = 0;
      const run = async (): Promise<Finding[]> => {
        runs++;
        return [];
      };
      await cachedFindings(project, "lint", run, { protogov: "1.0.0", buf: "1.75.0" });
      await cachedFindings(project, "lint", run, { protogov: "1.0.0", buf: "1.75.0" });
      assert.equal(runs, 1, "same versions: answered from the cache");
      await cachedFindings(project, "lint", run, { protogov: "1.1.0", buf: "1.75.0" });
      assert.equal(runs, 2, "another protogov version runs");
      await cachedFindings(project, "lint", run, { protogov: "1.0.0", buf: "1.76.0" });
      assert.equal(runs, 3, "another buf version runs");
    } finally {
      if (previous === undefined) delete process.env["PROTOGOV_CACHE_DIR"];
      else process.env["PROTOGOV_CACHE_DIR"] = previous;
    }
  });

  it("two concurrent runs on one cache both succeed with the same report", async () => {
    const cache = newCache();
    const once = () =>
      new Promise<{ code: number; stdout: string }>((resolve) => {
        const child = spawn(process.execPath, [cliBin, "lint", "--format", "json"], {
          cwd: join(fixturesDir, "lint-violation"),
          env: { ...process.env, NO_COLOR: "1", PROTOGOV_CACHE_DIR: cache },
        });
        let stdout = "";
        child.stdout.on("data", (b: Buffer) => {
          stdout += b.toString();
        });
        child.on("close", (code) => resolve({ code: code ?? -1, stdout }));
      });
    const [a, b] = await Promise.all([once(), once()]);
    assert.equal(a.code, 1);
    assert.equal(b.code, 1);
    assert.equal(a.stdout, b.stdout);
    const warm = await lint(join(fixturesDir, "lint-violation"), cache);
    assert.match(warm.stderr, /result cache: hit/);
    assert.equal(warm.stdout, a.stdout);
  });

  it("a truncated entry is ignored with a warning and the run recomputes", async () => {
    const cache = newCache();
    const dir = join(fixturesDir, "lint-violation");
    const first = await lint(dir, cache);
    const results = join(cache, "results");
    const entries = readdirSync(results).flatMap((sub) => readdirSync(join(results, sub)).map((name) => join(results, sub, name)));
    assert.equal(entries.length, 1);
    const entry = entries[0] ?? "";
    truncateSync(entry, Math.floor(statSync(entry).size / 2));
    const damaged = await lint(dir, cache);
    assert.match(damaged.stderr, /protogov: warning: ignoring a corrupt cache entry .* \(it is recomputed\)/);
    assert.match(damaged.stderr, /result cache: full run/);
    assert.equal(damaged.stdout, first.stdout);
    assert.match((await lint(dir, cache)).stderr, /result cache: hit/, "the recomputed entry replaced the damaged one");
    writeFileSync(entry, "not a cache entry");
    const garbage = await lint(dir, cache);
    assert.equal(garbage.stdout, first.stdout);
    assert.match(garbage.stderr, /ignoring a corrupt cache entry/);
  });
});

/**
 * protogov publish end to end against a real npm registry (verdaccio on
 * 127.0.0.1) and real bare git remotes: first release, a consumer installing
 * the package and catching the typed error a Python server raised, a feature and a
 * breaking change (minor, then major, two tagged commits with changelogs),
 * an idempotent re-run, and a rejected token.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import { fileInTar } from "../../core/features/publish/destinations/npm-tarball.js";
import { publishReportJson, renderPublishReport } from "../../core/features/publish/publish-report.js";
import { runPublish } from "../../core/features/publish/run-publish.js";
import { installedVersion } from "../support/paths.js";
import { addField, apiProject, bareRemote, git, removeField, tempDir } from "./api-project.js";
import { startPythonUsersServer } from "./python-users-server.js";
import { type Registry, seedFromNodeModules, startVerdaccio } from "./verdaccio.js";

const run = promisify(execFile);
const BIN = fileURLToPath(new URL("../../cli/bin.js", import.meta.url));
const CONSUMER = fileURLToPath(new URL("../../../test/fixtures/publish/consumer.mjs", import.meta.url));

let registry: Registry;
let api: string;
let pyRemote: string;
let docsRemote: string;
const publish = async (names: string[] = []) => runPublish({ cwd: api, names, dryRun: false });
const statuses = (report: Awaited<ReturnType<typeof publish>>) =>
  Object.fromEntries(report.entries.map((e) => [e.plan.target.name, e.status]));

before(async () => {
  registry = await startVerdaccio();
  process.env["TEST_NPM_TOKEN"] = registry.token;
  pyRemote = bareRemote();
  docsRemote = bareRemote();
  api = apiProject({ registry: registry.url, gitRemote: pyRemote, docsRemote });
});

after(async () => {
  await registry?.stop();
});

async function npmVersions(name: string): Promise<string[]> {
  const r = await fetch(`${registry.url}${name.replace("/", "%2f")}`);
  if (!r.ok) return [];
  return Object.keys(((await r.json()) as { versions: Record<string, unknown> }).versions).sort();
}

describe("protogov publish", { concurrency: false }, () => {
  it("dry run shows versions, file changes and changelog and publishes nothing", async () => {
    const report = await runPublish({ cwd: api, names: [], dryRun: true });
    const text = renderPublishReport(report);
    assert.match(text, /ts: \(first release\) 1\.0\.0 \(initial\)/);
    assert.match(text, /A python\/acme\/users\/v1\/users_pb2\.py/);
    assert.match(text, /Dry run: nothing was published/);
    const json = JSON.parse(publishReportJson(report)) as {
      dryRun: boolean;
      entries: { target: string; version: string | null; gitChanges: unknown[] }[];
    };
    assert.equal(json.dryRun, true);
    assert.deepEqual(
      json.entries.map((e) => [e.target, e.version]),
      [
        ["ts", "1.0.0"],
        ["python", "1.0.0"],
        ["docs", null],
      ],
    );
    // The python_out files, the protogov options module and CHANGELOG.md.
    assert.equal(json.entries[1]?.gitChanges.length, 11);
    assert.deepEqual(await npmVersions("@acme/apis"), []);
    assert.equal(git(pyRemote, "tag", "--list"), "");
  });

  it("publishes the examples: npm package, python repo tagged v1.0.0, docs on gh-pages", async () => {
    const report = await publish();
    assert.deepEqual(statuses(report), { ts: "published", python: "published", docs: "published" }, renderPublishReport(report));
    assert.deepEqual(await npmVersions("@acme/apis"), ["1.0.0"]);
    assert.deepEqual(await npmVersions("@protogov/errors-runtime"), ["0.1.0"]);
    assert.equal(git(pyRemote, "tag", "--list"), "v1.0.0");
    assert.match(
      git(pyRemote, "log", "-1", "--format=%B", "v1.0.0"),
      new RegExp(`Protogov-Source-Commit: ${git(api, "rev-parse", "HEAD")}`),
    );
    assert.match(git(docsRemote, "ls-tree", "--name-only", "gh-pages"), /index\.html/);
    const packument = (await (await fetch(`${registry.url}@acme%2fapis`)).json()) as {
      versions: Record<string, { protogov: { sourceCommit: string }; dependencies: Record<string, string> }>;
    };
    assert.equal(packument.versions["1.0.0"]?.protogov.sourceCommit, git(api, "rev-parse", "HEAD"));
    assert.equal(packument.versions["1.0.0"]?.dependencies["@bufbuild/protobuf"], installedVersion("@bufbuild/protobuf"));
  });

  it("a fresh project installs the package and catches the typed error a Python (grpcio) server raised", async () => {
    const dir = tempDir("protogov-consumer-");
    writeFileSync(join(dir, "package.json"), '{ "name": "consumer", "private": true, "type": "module" }\n');
    copyFileSync(CONSUMER, join(dir, "consumer.mjs"));
    // The registry has no uplinks: the public dependencies are seeded from protogov's own node_modules,
    // so the install below reaches 127.0.0.1 only.
    await seedFromNodeModules(registry, ["@bufbuild/protobuf", "@connectrpc/connect", "@connectrpc/connect-node"]);
    await run(
      "npm",
      [
        "install",
        "--no-audit",
        "--no-fund",
        "--registry",
        registry.url,
        "@acme/apis@1.0.0",
        `@connectrpc/connect-node@${installedVersion("@connectrpc/connect-node")}`,
      ],
      {
        cwd: dir,
        env: { ...process.env, npm_config_userconfig: join(dir, "none"), npm_config_cache: join(dir, ".npm-cache") },
      },
    );
    const server = await startPythonUsersServer();
    const { stdout } = await run(process.execPath, ["consumer.mjs", server.address], { cwd: dir }).finally(() => server.close());
    const result = JSON.parse(stdout) as Record<string, unknown>;
    assert.equal(result["typed"], true, stdout);
    assert.equal(result["is"], true, "UserNotFoundError.is on the error as received");
    assert.equal(result["message"], "[not_found] user u-42 not found");
    assert.equal(result["name"], "UserNotFoundError");
    assert.equal(result["userId"], "u-42");
    assert.ok((result["namespaces"] as number) > 5);
  });

  it("a feature bumps minor, a breaking change major; the git repo gets two tagged commits with changelogs", async () => {
    const before = git(pyRemote, "rev-list", "--count", "main");
    addField(api);
    const minor = await publish();
    assert.equal(minor.entries.find((e) => e.plan.target.name === "ts")?.plan.version, "1.1.0", renderPublishReport(minor));
    removeField(api);
    const major = await publish();
    assert.equal(major.entries.find((e) => e.plan.target.name === "ts")?.plan.version, "2.0.0", renderPublishReport(major));
    assert.deepEqual(await npmVersions("@acme/apis"), ["1.0.0", "1.1.0", "2.0.0"]);
    assert.deepEqual(git(pyRemote, "tag", "--list").split("\n"), ["v1.0.0", "v1.1.0", "v2.0.0"]);
    assert.equal(Number(git(pyRemote, "rev-list", "--count", "main")), Number(before) + 2);
    assert.match(git(pyRemote, "log", "-1", "--format=%B", "v1.1.0"), /nickname[\s\S]*Protogov-Version: 1\.1\.0/);
    assert.match(git(pyRemote, "log", "-1", "--format=%B", "v2.0.0"), /Breaking[\s\S]*nickname/i);
    // The npm package's CHANGELOG.md grows too: read back from the 1.1.0 tarball, 2.0.0 on top.
    const tarball = await fetch(`${registry.url}@acme/apis/-/apis-2.0.0.tgz`);
    assert.equal(tarball.status, 200);
    const changelog = new TextDecoder().decode(fileInTar(gunzipSync(Buffer.from(await tarball.arrayBuffer())), "package/CHANGELOG.md"));
    const headings = [...changelog.matchAll(/^## (\S+ \(\w+\))$/gm)].map((m) => m[1]);
    assert.deepEqual(headings, ["2.0.0 (major)", "1.1.0 (minor)", "1.0.0 (major)"], changelog);
  });

  it("re-running publish changes nothing", async () => {
    const heads = [git(pyRemote, "rev-parse", "main"), git(docsRemote, "rev-parse", "gh-pages")];
    // Generated output lying in the tree is not an uncommitted change to the API.
    mkdirSync(join(api, "gen/ts"), { recursive: true });
    writeFileSync(join(api, "gen/ts/leftover.js"), "//\n");
    const report = await publish();
    assert.deepEqual(statuses(report), { ts: "unchanged", python: "unchanged", docs: "unchanged" }, renderPublishReport(report));
    assert.deepEqual([git(pyRemote, "rev-parse", "main"), git(docsRemote, "rev-parse", "gh-pages")], heads);
    assert.deepEqual(await npmVersions("@acme/apis"), ["1.0.0", "1.1.0", "2.0.0"]);
  });

  it("generated code that changed without an API change (new plugin options) is released as a patch, once", async () => {
    const config = readFileSync(join(api, "protogov.yaml"), "utf8");
    const withOption = config.replace("      - name: es\n", "      - name: es\n        options: { json_types: true }\n");
    assert.notEqual(withOption, config);
    writeFileSync(join(api, "protogov.yaml"), withOption);
    git(api, "commit", "--quiet", "-am", "es: JSON types");

    const report = await publish();
    assert.deepEqual(statuses(report), { ts: "published", python: "unchanged", docs: "unchanged" }, renderPublishReport(report));
    const ts = report.entries.find((e) => e.plan.target.name === "ts")?.plan;
    assert.equal(ts?.version, "2.0.1");
    assert.match(ts?.changelog ?? "", /No API change\. The generated code changed/);
    assert.deepEqual(await npmVersions("@acme/apis"), ["1.0.0", "1.1.0", "2.0.0", "2.0.1"]);

    const again = await publish();
    assert.deepEqual(statuses(again), { ts: "unchanged", python: "unchanged", docs: "unchanged" }, renderPublishReport(again));
  });

  it("a rejected npm token fails with a clear message and never prints the token", async () => {
    addField(api, "alias", 91);
    const token = "bogus-token-4b1d5e9";
    const failed = await run(process.execPath, [BIN, "publish"], { cwd: api, env: { ...process.env, TEST_NPM_TOKEN: token } }).then(
      () => assert.fail("publish should fail"),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    const output = failed.stdout + failed.stderr;
    assert.equal(failed.code, 2, output);
    assert.match(output, /rejected the token in \$TEST_NPM_TOKEN/);
    assert.match(output, /python: .*\n\s+NOT-ATTEMPTED/);
    assert.ok(!output.includes(token), output);
    assert.equal(git(pyRemote, "tag", "--list").split("\n").length, 3, "no git target half-published");
  });
});

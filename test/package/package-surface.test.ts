/**
 * What the package offers and ships: the programmatic API through the
 * `exports` map (imported by the package's own name, as a tool would), plugin
 * bins that match the plugin registry, and a tarball without tests or bench.
 */
import assert from "node:assert/strict";
import { execFile, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { PLUGINS } from "../../plugins/index.js";
import { examplesDir, fixturesDir, installedVersion, repoRoot } from "../support/paths.js";
import { type JsonFinding, runCli } from "../support/run-cli.js";

const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
  bin: Record<string, string>;
  exports: Record<string, string | { default: string; types: string }>;
};

test("every shipped plugin of the registry has its bin in package.json, and every plugin bin is in the registry", () => {
  const shipped = PLUGINS.filter((p) => p.shipped);
  for (const plugin of shipped) {
    const bin = pkg.bin[plugin.bin];
    assert.ok(bin, `package.json bin lacks ${plugin.bin}`);
    assert.ok(existsSync(join(repoRoot, bin)), `${bin} is not built`);
    assert.equal(pkg.exports[`./bin/${plugin.bin}`], bin, `exports lacks ./bin/${plugin.bin}`);
  }
  const pluginBins = Object.keys(pkg.bin).filter((name) => name.startsWith("protoc-gen-"));
  assert.deepEqual(pluginBins.sort(), shipped.map((p) => p.bin).sort());
});

test("buf-plugin-protogov is a bin and an export, next to the protoc plugins, and runs as buf runs it", () => {
  const bin = pkg.bin["buf-plugin-protogov"];
  assert.equal(bin, "./bin/buf-plugin-protogov");
  assert.equal(pkg.exports["./bin/buf-plugin-protogov"], bin);
  // npm makes bins executable on install; the launcher itself is committed executable and answers buf's first call.
  const r = spawnSync(join(repoRoot, bin), ["--protocol"], { encoding: "utf8" });
  assert.equal(r.stdout, "1\n", r.stderr);
  for (const file of ["spec.bin", "list-rules.bin", "list-categories.bin"]) {
    assert.ok(existsSync(join(repoRoot, "dist", "cli", "buf-plugin", file)), `${file} is not built`);
  }
});

test("the programmatic API, imported by package name, reports what the CLI reports", async () => {
  const api = (await import("protogov")) as typeof import("../../core/api.js");
  const dir = join(fixturesDir, "lint-violation");
  const key = (f: { file: string; line: number; rule: string }) => `${f.file}:${f.line} ${f.rule}`;
  const lintCli = await runCli(["lint", "--format", "json"], { cwd: dir });
  assert.equal(lintCli.code, 1);
  const linted = await api.lint({ cwd: dir });
  assert.ok(linted.findings.length > 0);
  assert.deepEqual(linted.findings.map(key), (JSON.parse(lintCli.stdout) as { findings: JsonFinding[] }).findings.map(key));
  // Against the same files (a directory base): the whole check, nothing breaking, whatever branch this runs on.
  const checkCli = await runCli(["check", "--against", ".", "--format", "json"], { cwd: dir });
  const checked = await api.check({ cwd: dir, against: "." });
  assert.equal(checkCli.code, 1);
  assert.deepEqual(checked.findings.map(key), (JSON.parse(checkCli.stdout) as { findings: JsonFinding[] }).findings.map(key));
  assert.equal(checked.diff?.bump, "none");
  const clean = await api.lint({ cwd: examplesDir });
  assert.deepEqual(
    clean.findings.filter((f) => f.severity === "error"),
    [],
  );
  assert.match(api.getReporter("text")({ findings: linted.findings, root: linted.root, command: "lint" }, { color: false }), /acme/);
});

test("the tarball ships the CLI, the API and the plugins, and no tests or bench", async () => {
  const { stdout } = await promisify(execFile)("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: repoRoot,
    maxBuffer: 64 << 20,
  });
  const files = (JSON.parse(stdout) as { files: { path: string }[] }[])[0]?.files.map((f) => f.path) ?? [];
  for (const wanted of [
    "dist/core/api.js",
    "dist/core/api.d.ts",
    "dist/cli/bin.js",
    "dist/plugins/index.js",
    "dist/cli/buf-plugin-protogov.js",
    "dist/cli/buf-plugin/list-rules.bin",
    ...Object.values(pkg.bin),
  ]) {
    assert.ok(files.includes(wanted.replace(/^\.\//, "")), `${wanted} missing from the tarball`);
  }
  const unwanted = files.filter((f) => f.startsWith("dist/test/") || f.startsWith("dist/bench/"));
  assert.deepEqual(unwanted, []);
});

test("installed from its tarball into a fresh project: no engine warnings, check and generate work, the errors runtime comes along", async (t) => {
  const work = mkdtempSync(join(tmpdir(), "protogov-install-"));
  t.after(() => rmSync(work, { recursive: true, force: true }));
  const exec = promisify(execFile);
  // dist/ is built by the test command; --ignore-scripts keeps prepack from rebuilding it under running tests.
  const { stdout } = await exec("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], {
    cwd: repoRoot,
    maxBuffer: 64 << 20,
  });
  const tarball = join(work, (JSON.parse(stdout) as { filename: string }[])[0]?.filename ?? "");
  const project = join(work, "project");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), '{ "name": "api-repo", "private": true }\n');
  cpSync(join(examplesDir, "acme"), join(project, "acme"), { recursive: true });
  const install = await exec("npm", ["install", "--save-dev", "--no-audit", "--no-fund", "--prefer-offline", tarball], {
    cwd: project,
    maxBuffer: 64 << 20,
  });
  assert.doesNotMatch(install.stdout + install.stderr, /EBADENGINE/, "a dependency declares engines this Node does not meet");
  const bin = join(project, "node_modules", ".bin", "protogov");
  const check = spawnSync(bin, ["check"], { cwd: project, encoding: "utf8" });
  assert.equal(check.status, 0, check.stdout + check.stderr);
  writeFileSync(
    join(project, "protogov.yaml"),
    'version: 1\ntargets:\n  - name: ts\n    language: typescript\n    package: { name: "@acme/apis" }\n    plugins: [{ name: es }, { name: errors }]\n',
  );
  const generate = spawnSync(bin, ["generate"], { cwd: project, encoding: "utf8" });
  assert.equal(generate.status, 0, generate.stdout + generate.stderr);
  const manifest = JSON.parse(readFileSync(join(project, "gen", "ts", "package.json"), "utf8")) as { dependencies: Record<string, string> };
  assert.equal(manifest.dependencies["@protogov/errors-runtime"], installedVersion("@protogov/errors-runtime"));
  assert.ok(existsSync(join(project, "gen", "ts", "dist", "acme", "users", "v1", "errors_errors.js")));
  // The generated package only finds its own protos: none of the installed copy's leaked into it.
  assert.ok(!existsSync(join(project, "gen", "ts", "dist", "node_modules")));
});

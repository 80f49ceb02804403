/**
 * What the package offers and ships: the programmatic API through the
 * `exports` map (imported by the package's own name, as a tool would), plugin
 * bins that match the plugin registry, and a tarball without tests or bench.
 */
import assert from "node:assert/strict";
import { execFile, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { PLUGINS } from "../../plugins/index.js";
import { examplesDir, fixturesDir, repoRoot } from "../support/paths.js";
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

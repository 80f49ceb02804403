/**
 * The compiled plugin under Debian's real `protoc` (`-I proto-examples -I
 * proto`): same output as in-process, and a bad option fails protoc with the
 * list of valid ones.
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { examplesDir } from "../support/paths.js";
import { examplesRequest, generate, pluginBin, protoFiles, protosDir, readTree, withTempDir } from "./support.js";

function shim(dir: string): string {
  const path = join(dir, "protoc-gen-protogov-docs");
  // protoc executes the plugin directly; dist/ files are not executable in a checkout.
  writeFileSync(path, `#!/bin/sh\nexec "${process.execPath}" "${pluginBin}" "$@"\n`);
  chmodSync(path, 0o755);
  return path;
}

function protocArgs(dir: string, opt: string): string[] {
  const out = join(dir, "out");
  mkdirSync(out, { recursive: true });
  return [
    `-I${examplesDir}`,
    `-I${protosDir}`,
    `--plugin=${shim(dir)}`,
    `--protogov-docs_out=${out}`,
    `--protogov-docs_opt=${opt}`,
    ...protoFiles(examplesDir),
  ];
}

describe("protoc-gen-protogov-docs under protoc", () => {
  for (const opt of ["format=markdown", "format=json", "format=html"]) {
    it(`writes the same files as in-process (${opt})`, () => {
      withTempDir((dir) => {
        execFileSync("protoc", protocArgs(dir, opt), { stdio: ["ignore", "pipe", "pipe"] });
        const expected = generate(examplesRequest(opt));
        assert.deepEqual(readTree(join(dir, "out")), expected);
      });
    });
  }

  it("fails protoc with the valid options on a bad one", () => {
    withTempDir((dir) => {
      const result = spawnSync("protoc", protocArgs(dir, "layout=book"), { encoding: "utf8" });
      assert.equal(result.status, 1);
      assert.match(result.stderr, /invalid value "book" for option "layout": must be one of package, file, single/);
      assert.match(result.stderr, /valid options:/);
    });
  });

  it("answers --version", () => {
    assert.match(
      execFileSync(process.execPath, [pluginBin, "--version"], { encoding: "utf8" }),
      /^protoc-gen-protogov-docs \d+\.\d+\.\d+\n$/,
    );
  });
});

/**
 * The compiled plugin as a process, the way users run it: under Debian's
 * `protoc` (3.21) and under `buf generate`, both must write exactly the golden
 * files. Also the runner's contract: `--version`, `--help`, and bad options
 * answered through CodeGeneratorResponse.error, which protoc prints and turns
 * into exit 1 (the plugin itself exits 0).
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fromBinary, toBinary } from "@bufbuild/protobuf";
import { CodeGeneratorRequestSchema, CodeGeneratorResponseSchema } from "@bufbuild/protobuf/wkt";
import { PROTOGOV_VERSION } from "../../core/model/version.js";
import { repoRoot } from "../support/paths.js";
import { examplesRequest, generateWithBuf, generateWithProtoc, goldenDir, pluginBin, readTree } from "./generate-support.js";

const golden = () => readTree(goldenDir);

describe("protoc-gen-protogov-errors as a process", () => {
  it("writes the golden files under real protoc", () => {
    assert.deepEqual(generateWithProtoc("target=ts"), golden());
  });

  it("writes the same files under buf generate", () => {
    assert.deepEqual(generateWithBuf("target=ts"), golden());
  });

  it("answers --version with the package version", () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string };
    assert.equal(PROTOGOV_VERSION, pkg.version, "core/model/version.ts must follow package.json");
    assert.equal(
      execFileSync(process.execPath, [pluginBin, "--version"], { encoding: "utf8" }),
      `protoc-gen-protogov-errors ${pkg.version}\n`,
    );
  });

  it("lists its options on --help", () => {
    const help = execFileSync(process.execPath, [pluginBin, "--help"], { encoding: "utf8" });
    assert.match(help, /runtime_import=<string> +module the generated classes import/);
    assert.match(help, /target=<string> +files to generate/);
  });

  it("answers an unknown option through CodeGeneratorResponse.error with the valid options, and exits 0", () => {
    const request = examplesRequest("target=ts,runtime_imprt=@acme/errors");
    const run = spawnSync(process.execPath, [pluginBin], { input: toBinary(CodeGeneratorRequestSchema, request) });
    assert.equal(run.status, 0, run.stderr.toString());
    const response = fromBinary(CodeGeneratorResponseSchema, run.stdout);
    assert.equal(response.file.length, 0);
    assert.match(response.error ?? "", /unknown option "runtime_imprt" \(did you mean "runtime_import"\?\)/);
    assert.match(response.error ?? "", /valid options:\n {2}runtime_import=<string>/);
    assert.match(response.error ?? "", /\n {2}target=<string>/);
  });

  it("answers a bad value of a protoplugin option the same way", () => {
    const request = examplesRequest("target=ts,import_extension=mjs");
    const run = spawnSync(process.execPath, [pluginBin], { input: toBinary(CodeGeneratorRequestSchema, request) });
    const response = fromBinary(CodeGeneratorResponseSchema, run.stdout);
    assert.match(response.error ?? "", /invalid value "mjs" for option "import_extension": must be one of none, js, ts, \.js, \.ts/);
    assert.match(response.error ?? "", /valid options:/);
  });

  it("makes protoc fail with the option list on its stderr", () => {
    assert.throws(
      () => generateWithProtoc("target=ts,colour=blue"),
      (e: { status?: number; stderr?: Buffer }) => {
        assert.equal(e.status, 1);
        assert.match(String(e.stderr), /--protogov-errors_out: protoc-gen-protogov-errors: unknown option "colour"/);
        assert.match(String(e.stderr), /valid options:/);
        return true;
      },
    );
  });

  it("rejects stray arguments with exit 1 and usage on stderr", () => {
    const run = spawnSync(process.execPath, [pluginBin, "generate"], { encoding: "utf8" });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /unexpected argument "generate"\nusage: protoc --protogov-errors_out=DIR/);
  });
});

/**
 * protoc-gen-protogov-tests as a plugin: its output for proto-examples equals
 * test/golden/tests/proto-examples (UPDATE_GOLDEN=1 rewrites them; run.test.ts
 * compiles and runs the same output), the compiled bin writes exactly that
 * under Debian's real `protoc`, and bad options are answered through
 * CodeGeneratorResponse.error with the list of valid ones. Also checks that
 * test/fixtures/scaffold/gen (the generated code the real implementation
 * imports) still matches protoc-gen-es and the errors plugin.
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fromBinary, toBinary } from "@bufbuild/protobuf";
import { CodeGeneratorRequestSchema, CodeGeneratorResponseSchema } from "@bufbuild/protobuf/wkt";
import { examplesRequest, protoFiles, protosDir, readTree } from "../errors/generate-support.js";
import { examplesDir, repoRoot } from "../support/paths.js";
import { GEN_DIR, GEN_PARAMETER, generatedCode, scaffolds } from "./support.js";

const goldenDir = join(repoRoot, "test", "golden", "tests", "proto-examples");
const pluginBin = join(repoRoot, "dist", "plugins", "test-scaffold", "bin.js");

function withProtoc(parameter: string): Map<string, string> {
  const tmp = mkdtempSync(join(tmpdir(), "protogov-tests-"));
  try {
    const shim = join(tmp, "protoc-gen-protogov-tests");
    writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${pluginBin}" "$@"\n`);
    chmodSync(shim, 0o755);
    mkdirSync(join(tmp, "out"));
    const args = [`-I${examplesDir}`, `-I${protosDir}`, `--plugin=${shim}`, `--protogov-tests_out=${join(tmp, "out")}`];
    execFileSync("protoc", [...args, `--protogov-tests_opt=${parameter}`, ...protoFiles(examplesDir)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    return readTree(join(tmp, "out"));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function errorOf(parameter: string): string {
  const run = spawnSync(process.execPath, [pluginBin], { input: toBinary(CodeGeneratorRequestSchema, examplesRequest(parameter)) });
  assert.equal(run.status, 0, "input problems are answered in the response, with exit 0");
  const response = fromBinary(CodeGeneratorResponseSchema, run.stdout);
  assert.equal(response.file.length, 0);
  return response.error ?? "";
}

describe("protoc-gen-protogov-tests", () => {
  it("matches test/golden/tests/proto-examples", () => {
    const actual = scaffolds(GEN_PARAMETER);
    if (process.env["UPDATE_GOLDEN"] === "1") {
      rmSync(goldenDir, { recursive: true, force: true });
      for (const [name, content] of actual) {
        mkdirSync(dirname(join(goldenDir, name)), { recursive: true });
        writeFileSync(join(goldenDir, name), content);
      }
    }
    const expected = readTree(goldenDir);
    assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort());
    for (const [name, content] of actual) assert.equal(content, expected.get(name), `${name} differs (UPDATE_GOLDEN=1 rewrites)`);
  });

  it("writes the same files under real protoc", () => {
    assert.deepEqual(withProtoc(GEN_PARAMETER), readTree(goldenDir));
  });

  it("generates TypeScript by default and vitest imports on request", () => {
    const files = scaffolds("runner=vitest");
    assert.ok(files.has("acme/orders/v1/order_service.test.ts"), "target defaults to ts");
    assert.match(files.get("acme/orders/v1/order_service.test.ts") ?? "", /^import \{ describe, it \} from "vitest";$/m);
  });

  it("answers an unknown option with the valid ones", () => {
    const error = errorOf("runer=vitest");
    assert.match(error, /unknown option "runer" \(did you mean "runner"\?\)/);
    assert.match(error, /valid options:\n {2}runner=node\|vitest/);
    assert.match(error, /\n {2}impl_import=<string>/);
  });

  it("answers a bad value and an unknown placeholder with the valid ones", () => {
    assert.match(errorOf("runner=jest"), /invalid value "jest" for option "runner": must be one of node, vitest/);
    const placeholder = errorOf("impl_import=./src/{svc}.js");
    assert.match(placeholder, /unknown placeholder \{svc\}; valid: \{service\}, \{service_camel\}, \{service_snake\}, \{file\}/);
    assert.match(errorOf("impl_export={service}-impl"), /must be a JavaScript identifier once filled in/);
  });

  it("makes protoc fail with the option list on its stderr", () => {
    assert.throws(
      () => withProtoc("runner=mocha"),
      (e: { status?: number; stderr?: Buffer }) => {
        assert.equal(e.status, 1);
        assert.match(String(e.stderr), /--protogov-tests_out: protoc-gen-protogov-tests: invalid value "mocha" for option "runner"/);
        assert.match(String(e.stderr), /valid options:/);
        return true;
      },
    );
  });

  it("answers --version and --help", () => {
    assert.match(
      execFileSync(process.execPath, [pluginBin, "--version"], { encoding: "utf8" }),
      /^protoc-gen-protogov-tests \d+\.\d+\.\d+\n$/,
    );
    assert.match(
      execFileSync(process.execPath, [pluginBin, "--help"], { encoding: "utf8" }),
      /impl_export=<string> +name of the ServiceImpl/,
    );
  });

  it(`keeps ${GEN_DIR} equal to protoc-gen-es and errors plugin output`, () => {
    assert.deepEqual(generatedCode(), readTree(join(repoRoot, GEN_DIR)));
  });
});

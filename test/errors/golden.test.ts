/**
 * Golden files: the plugin's output for proto-examples must equal
 * test/golden/errors/proto-examples/ byte for byte. `UPDATE_GOLDEN=1 npm test`
 * rewrites them after an intended change; review the diff in git. The golden
 * files are also real code: e2e.test.ts and generated-types.test.ts import
 * them, so the strict root tsconfig compiles them and the tests run them.
 */
import assert from "node:assert/strict";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { examplesRequest, generateInProcess, goldenDir, readTree } from "./generate-support.js";

const PARAMETER = "target=ts";

describe("protoc-gen-protogov-errors golden files (proto-examples)", () => {
  it("matches test/golden/errors/proto-examples", () => {
    const actual = generateInProcess(examplesRequest(PARAMETER));
    if (process.env["UPDATE_GOLDEN"] === "1") {
      rmSync(goldenDir, { recursive: true, force: true });
      for (const [name, content] of actual) {
        mkdirSync(dirname(join(goldenDir, name)), { recursive: true });
        writeFileSync(join(goldenDir, name), content);
      }
    }
    const expected = readTree(goldenDir);
    assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort(), "generated file names (UPDATE_GOLDEN=1 rewrites)");
    for (const [name, content] of actual) {
      // A string comparison: on failure node:assert prints a line diff.
      assert.equal(content, expected.get(name), `${name} differs from the golden file (UPDATE_GOLDEN=1 rewrites)`);
    }
  });

  it("generates one file per proto file with error enums, and nothing for the others", () => {
    const names = [...generateInProcess(examplesRequest(PARAMETER)).keys()].sort();
    assert.deepEqual(names, ["acme/orders/v1/errors_errors.ts", "acme/payments/v1/errors_errors.ts", "acme/users/v1/errors_errors.ts"]);
  });

  it("emits js+dts by default, like protoc-gen-es", () => {
    const names = [...generateInProcess(examplesRequest("")).keys()].filter((n) => n.startsWith("acme/users/"));
    assert.deepEqual(names.sort(), ["acme/users/v1/errors_errors.d.ts", "acme/users/v1/errors_errors.js"]);
  });
});

/**
 * Golden files: the plugin's Markdown and JSON for proto-examples must equal
 * test/golden/docs/<case>/ byte for byte. `UPDATE_GOLDEN=1` rewrites them
 * after an intended change (review the diff in git); a failure prints the
 * line diff of the first file that differs.
 */
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { repoRoot } from "../support/paths.js";
import { examplesRequest, generate, readTree, writeTree } from "./support.js";

const CASES = [
  { name: "markdown-package", parameter: "format=markdown" },
  { name: "markdown-file", parameter: "format=markdown,layout=file" },
  { name: "json", parameter: "format=json" },
];

describe("protoc-gen-protogov-docs golden files (proto-examples)", () => {
  for (const c of CASES) {
    it(`${c.name} (${c.parameter}) matches test/golden/docs/${c.name}`, () => {
      const dir = join(repoRoot, "test", "golden", "docs", c.name);
      const actual = generate(examplesRequest(c.parameter));
      if (process.env["UPDATE_GOLDEN"] === "1") {
        rmSync(dir, { recursive: true, force: true });
        writeTree(dir, actual);
      }
      const expected = readTree(dir);
      assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort(), "file names (UPDATE_GOLDEN=1 rewrites)");
      for (const [name, content] of actual) {
        assert.equal(content, expected.get(name), `${name} differs from the golden file (UPDATE_GOLDEN=1 rewrites)`);
      }
    });
  }

  it("is deterministic: two runs give the same bytes", () => {
    const a = generate(examplesRequest("format=json")).get("docs.json");
    const b = generate(examplesRequest("format=json")).get("docs.json");
    assert.equal(a, b);
  });
});

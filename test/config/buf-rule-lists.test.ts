/**
 * buf's rule lists written at build time (dist/core/engines/buf/buf-rule-lists.json)
 * must be what the installed buf says: a stale file would reject valid ids in
 * protogov.yaml or accept misspelt ones without buf ever being asked.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { runBuf } from "../../core/engines/buf/buf.js";
import { bufRuleList } from "../../core/engines/buf/buf-rule-lists.js";

const built = JSON.parse(readFileSync(fileURLToPath(new URL("../../core/engines/buf/buf-rule-lists.json", import.meta.url)), "utf8")) as {
  buf: string;
  lists: Record<string, { ids: string[] }>;
};

describe("buf's rule lists from the build", () => {
  it("are for the installed buf and hold every kind and config version", () => {
    assert.equal(built.buf, (createRequire(import.meta.url)("@bufbuild/buf/package.json") as { version: string }).version);
    assert.deepEqual(Object.keys(built.lists).sort(), [
      "breaking v1",
      "breaking v1beta1",
      "breaking v2",
      "lint v1",
      "lint v1beta1",
      "lint v2",
    ]);
  });

  for (const [kind, version] of [
    ["lint", "v2"],
    ["breaking", "v1"],
  ] as const) {
    it(`${kind} ${version}: the same ids as \`buf config ls-${kind}-rules\` prints now`, async () => {
      const r = await runBuf(["config", `ls-${kind}-rules`, "--version", version, "--format", "json", "--include-deprecated"], {
        cwd: tmpdir(),
        okCodes: [0],
      });
      const live = r.stdout
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => (JSON.parse(l) as { id: string }).id)
        .sort();
      assert.ok(live.length > 10);
      assert.deepEqual([...(await bufRuleList(kind, version, tmpdir())).ids].sort(), live);
    });
  }
});

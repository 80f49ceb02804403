/**
 * The diff corpus (cases.ts) against the real buf binary: each case's trees
 * are compiled into images, diffed, and compared with the exact expected
 * changes; then buf breaking (FILE) runs on the same images and must agree
 * with us on "is this breaking" wherever buf judges the case.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import type { ApiChange } from "../../core/engines/diff/api-diff.js";
import { semverBump } from "../../core/engines/diff/bump.js";
import { CHANGE_RULES } from "../../core/engines/diff/classification.js";
import { COMMIT_TAGS } from "../../core/engines/diff/commit-tags.js";
import { diffApis } from "../../core/engines/diff/diff-apis.js";
import { diffImages } from "../../core/engines/diff/diff-images.js";
import { DIFF_CASES } from "./cases.js";
import { DETECTOR } from "./detector-cases.js";
import { type BufVerdict, type BuiltCase, bufBreaking, buildCase, diffFixtures, disposeScratch } from "./support.js";

const fixtureNames = [...new Set(DIFF_CASES.map((c) => c.name))];
const built = new Map<string, BuiltCase>();
const verdicts = new Map<string, BufVerdict>();

/** buf is mostly start-up time: a few at once keeps the suite short on two cores. */
async function pool<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
}

function tuple(c: ApiChange): unknown[] {
  const t: unknown[] = [c.rule, c.classification, c.name, c.message];
  if (c.accepted) t.push(c.accepted.reason);
  return t;
}

describe("API diff corpus", () => {
  before(async () => {
    const bufCases = new Set(DIFF_CASES.filter((c) => c.buf).map((c) => c.name));
    await pool(fixtureNames, 4, async (name) => {
      const b = await buildCase(name);
      built.set(name, b);
      if (bufCases.has(name)) verdicts.set(name, await bufBreaking(b));
    });
  });
  // the images stay on disk until the last suite (diffImages reads them)
  after(disposeScratch);

  it("has a case for every fixture directory", () => {
    const dirs = readdirSync(diffFixtures).filter((d) => !d.startsWith("_"));
    assert.deepEqual(dirs.sort(), [...fixtureNames].sort());
  });

  it("exercises every rule of the classification table", () => {
    const seen = new Set(DIFF_CASES.flatMap((c) => c.changes.map((e) => e[0])));
    // Rules whose fixtures would only repeat another case's mechanics.
    const exempt = new Set([
      "FILE_IMPORT_REMOVED",
      "ENUM_MOVED",
      "SERVICE_MOVED",
      "EXTENSION_MOVED",
      "DEPRECATION_REMOVED",
      "RESERVED_NAME_ADDED",
    ]);
    const missing = Object.keys(CHANGE_RULES).filter((r) => !seen.has(r) && !exempt.has(r));
    assert.deepEqual(missing, []);
  });

  for (const c of DIFF_CASES) {
    it(`${c.label ?? c.name}: reports exactly the expected changes`, () => {
      const b = built.get(c.name);
      assert.ok(b, `${c.name} was not built`);
      const changes = diffApis(b.before, b.after, c.options ?? {});
      assert.deepEqual(changes.map(tuple), c.changes);
      assert.equal(semverBump(changes), c.bump);
      for (const change of changes) {
        if (change.kind === "removed") assert.ok(change.old, `${change.rule} has no old position`);
        if (change.kind === "added") assert.ok(change.new, `${change.rule} has no new position`);
        assert.ok(change.old ?? change.new, `${change.rule} has no position`);
      }
    });
  }

  describe("tags as Google's detector assigns them, or the documented difference", () => {
    for (const [name, verdict] of Object.entries(DETECTOR)) {
      it(`${name}: ${verdict.category} ${verdict.tag}`, () => {
        const c = DIFF_CASES.find((x) => x.name === name && !x.options);
        const b = built.get(name);
        assert.ok(c && b, `${name} has no case`);
        const tags = diffApis(b.before, b.after).map((x) => x.tag ?? "chore");
        const worst = tags.sort((x, y) => COMMIT_TAGS.indexOf(x) - COMMIT_TAGS.indexOf(y))[0] ?? "none";
        assert.equal(worst, verdict.differs?.tag ?? verdict.tag);
      });
    }
  });

  describe("diffImages (changed files only) equals diffApis on whole registries", () => {
    for (const c of DIFF_CASES) {
      it(c.label ?? c.name, () => {
        const b = built.get(c.name);
        assert.ok(b, `${c.name} was not built`);
        const full = diffApis(b.before, b.after, c.options ?? {});
        const fast = diffImages(readFileSync(b.beforeImage), readFileSync(b.afterImage), c.options ?? {});
        assert.deepEqual(fast, full);
      });
    }
  });

  describe("agrees with buf breaking (FILE) wherever buf judges the case", () => {
    for (const name of fixtureNames) {
      if (!DIFF_CASES.some((x) => x.name === name && x.buf)) continue;
      it(name, () => {
        const verdict = verdicts.get(name);
        const b = built.get(name);
        assert.ok(verdict && b, `${name} was not built`);
        const ours = diffApis(b.before, b.after).filter((x) => x.classification === "breaking");
        assert.equal(
          ours.length > 0,
          verdict.breaking,
          `buf: ${verdict.rules.join(", ") || "nothing"}; protogov: ${ours.map((x) => x.rule).join(", ") || "nothing"}`,
        );
      });
    }
  });
});

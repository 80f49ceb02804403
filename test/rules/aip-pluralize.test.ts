/**
 * api-linter's pluralisation as ported (core/engines/rules/aip/pluralize.ts):
 * the expected plurals are go-pluralize v0.2.1's (utils.ToPlural is
 * Plural(Singular(word))), printed by a Go program linking it. On googleapis
 * the port agrees on every message, field and method name (ACCURACY.md).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toPlural } from "../../core/engines/rules/aip/pluralize.js";

const GO_PLURALIZE: readonly [string, string][] = [
  ["persons", "people"],
  ["cactus", "cacti"],
  ["shelves", "shelves"],
  ["book_shelf", "book_shelves"],
  ["access_policies", "access_policies"],
  ["Person", "People"],
  ["SMS", "SMS"],
  ["sheep", "sheep"],
  ["quiz", "quizzes"],
  ["matrix", "matrices"],
  ["data", "data"],
  ["criteria", "criteria"],
  ["analysis", "analyses"],
  ["revisions", "revisions"],
  ["address", "addresses"],
];

describe("AIP pluralisation (go-pluralize, as api-linter uses it)", () => {
  for (const [word, plural] of GO_PLURALIZE) {
    it(`${word} -> ${plural}`, () => assert.equal(toPlural(word), plural));
  }

  it("replaces an `s?$` match once, as Go skips an empty match right after another", () => {
    assert.equal(toPlural("books"), "books");
    assert.equal(toPlural("book"), "books");
  });
});

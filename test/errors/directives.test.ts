/**
 * Tool directives in proto comments (`protogov:ignore`, `protogov:allow-breaking`,
 * `buf:lint:ignore`, AIP internal comments `(-- ... --)`) are for linters:
 * generated code and docs leave them out and keep the rest of the comment.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { withoutDirectives } from "../../core/model/findings/directives.js";
import { errorsPlugin } from "../../plugins/errors/plugin.js";
import { fixtureRequest, generate } from "../docs/support.js";

describe("directives in comments", () => {
  it("are dropped line by line, internal comments across lines, paragraphs kept", () => {
    const comment = [
      "A product.",
      "protogov:allow-breaking FIELD_REMOVED never served",
      "  buf:lint:ignore FIELD_LOWER_SNAKE_CASE",
      "(-- api-linter: core::0140::lower-snake=disabled",
      "    aip.dev/not-precedent: legacy. --)",
      "",
      "Second paragraph, with protogov:ignore inside a sentence kept as text.",
      "protogov:ignore",
    ].join("\n");
    assert.equal(withoutDirectives(comment), "A product.\n\nSecond paragraph, with protogov:ignore inside a sentence kept as text.");
    assert.equal(withoutDirectives("Plain comment."), "Plain comment.");
    assert.equal(withoutDirectives("protogov:ignore\n"), "");
  });

  it("never reach the generated error classes' JSDoc", () => {
    const files = generate(fixtureRequest("target=ts"), errorsPlugin);
    const ts = [...files.values()].join("\n");
    assert.match(ts, /The product does not exist\./);
    assert.doesNotMatch(ts, /protogov:ignore|protogov:allow-breaking|buf:lint:ignore|api-linter/);
  });

  it("never reach the Markdown docs", () => {
    const files = generate(fixtureRequest("format=markdown"));
    const md = [...files.values()].join("\n");
    assert.match(md, /The full specification lives at/);
    assert.doesNotMatch(md, /protogov:ignore|protogov:allow-breaking|buf:lint:ignore|api-linter|not-precedent/);
  });
});

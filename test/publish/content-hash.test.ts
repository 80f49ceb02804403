/** The generated output's fingerprint ignores what only a release changes, and nothing else. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { contentHash } from "../../core/features/generate/content-hash.js";

const enc = (text: string) => new TextEncoder().encode(text);
const manifest = (extra: Record<string, unknown>) =>
  enc(`${JSON.stringify({ name: "@acme/apis", dependencies: { "@bufbuild/protobuf": "2.17.0" }, ...extra }, null, 2)}\n`);

function files(overrides: Record<string, Uint8Array> = {}): Map<string, Uint8Array> {
  return new Map(
    Object.entries({
      "dist/index.js": enc("export {};\n"),
      "package.json": manifest({ version: "0.0.0-unreleased", protogov: { target: "ts" } }),
      "README.md": enc("# @acme/apis 0.0.0-unreleased\n"),
      ...overrides,
    }),
  );
}

describe("contentHash", () => {
  it("is the same for an unreleased build and a release of the same output", () => {
    const released = files({
      "package.json": manifest({ version: "2.0.0", protogov: { target: "ts", sourceCommit: "abc123", contentHash: "x" } }),
      "README.md": enc("# @acme/apis 2.0.0 from abc123\n"),
    });
    assert.equal(contentHash(released), contentHash(files()));
  });

  it("changes with any generated file, a new file, or a dependency", () => {
    const base = contentHash(files());
    assert.notEqual(contentHash(files({ "dist/index.js": enc("export const x = 1;\n") })), base);
    assert.notEqual(contentHash(files({ "dist/extra.js": enc("") })), base);
    const newer = manifest({ version: "0.0.0-unreleased", dependencies: { "@bufbuild/protobuf": "2.18.0" } });
    assert.notEqual(contentHash(files({ "package.json": newer })), base);
  });

  it("leaves out composer.json's version and extra.protogov, and nothing else of it", () => {
    const composer = (fields: Record<string, unknown>) =>
      files({ "composer.json": enc(JSON.stringify({ name: "acme/apis", require: { php: ">=8.0" }, ...fields })) });
    const unreleased = contentHash(composer({ extra: { protogov: { target: "php" } } }));
    assert.equal(contentHash(composer({ version: "1.2.0", extra: { protogov: { target: "php", sourceCommit: "abc123" } } })), unreleased);
    assert.notEqual(contentHash(composer({ require: { php: ">=8.1" }, extra: { protogov: { target: "php" } } })), unreleased);
    assert.notEqual(contentHash(composer({ extra: { protogov: { target: "php" }, branch: "x" } })), unreleased);
  });

  it("does not depend on the order files were added in", () => {
    const reversed = new Map([...files()].reverse());
    assert.equal(contentHash(reversed), contentHash(files()));
  });
});

/**
 * composer.json of a php target from the files alone: PSR-4 prefixes for the
 * namespaces the files declare (protoc's layout, a plugin `out` subdirectory,
 * a namespace its directory does not spell), the classmap for files without a
 * namespace, and the release fields only in a release.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildComposerPackage, PHP_VERSION } from "../../core/features/generate/composer-package.js";
import type { TargetConfig } from "../../core/model/config/target-config.js";

const target = {
  name: "php",
  language: "php",
  plugins: [],
  out: "gen/php",
  package: { name: "acme/apis", description: "" },
  version: { initial: "0.1.0", prerelease: undefined },
  publish: { npm: undefined, git: undefined },
  go: undefined,
  python: undefined,
  maven: undefined,
  line: undefined,
} satisfies TargetConfig;

const php = (namespace: string | undefined) => new TextEncoder().encode(`<?php\n${namespace ? `namespace ${namespace};\n` : ""}`);

function manifest(files: Record<string, Uint8Array>, release?: { version: string; sourceCommit: string }) {
  const out = buildComposerPackage(target, new Map(Object.entries(files)), release);
  return JSON.parse(new TextDecoder().decode(out.get("composer.json"))) as Record<string, unknown>;
}

describe("composer.json of a php target", () => {
  it("maps namespaces to directories, and leaves the rest to the classmap", () => {
    const m = manifest({
      "Acme/Users/V1/UserNotFoundException.php": php("Acme\\Users\\V1"),
      "Acme/Orders/V1/OrdersErrors.php": php("Acme\\Orders\\V1"),
      "errors/Acme/Users/V1/UsersErrors.php": php("Acme\\Users\\V1"),
      "odd/place/Thing.php": php("Acme\\Elsewhere"),
      "GovernedException.php": php(undefined),
      "global/Helper.php": php(undefined),
      "README.md": new TextEncoder().encode("# not php\n"),
    });
    assert.deepEqual(m["autoload"], {
      "psr-4": { "Acme\\": ["Acme/", "errors/Acme/"], "Acme\\Elsewhere\\": "odd/place/" },
      classmap: ["GovernedException.php", "global/"],
    });
    assert.deepEqual(m["require"], { php: PHP_VERSION }, "no google/protobuf without protoc's classes");
    assert.equal(m["version"], undefined);
    const { protogov } = m["extra"] as { protogov: Record<string, string> };
    assert.equal(protogov["target"], "php");
    assert.equal(protogov["sourceCommit"], undefined);
  });

  it("writes the release's version and source commit", () => {
    const m = manifest({ "Acme/V1/X.php": php("Acme\\V1") }, { version: "2.1.0", sourceCommit: "abc123" });
    assert.equal(m["version"], "2.1.0");
    assert.equal((m["extra"] as { protogov: { sourceCommit: string } }).protogov.sourceCommit, "abc123");
  });
});

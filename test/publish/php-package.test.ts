/**
 * A `language: php` target end to end against a bare git remote: generate and
 * dry-run show `composer.json`; publish tags v1.0.0 with the version and the
 * source commit in composer.json; a fresh checkout of the tag is a composer
 * package (`composer validate`, `composer dump-autoload` from Debian's
 * composer, offline) that a PHP consumer loads through composer's PSR-4
 * autoloader: protoc's message classes and the typed errors; a feature
 * publishes 1.1.0; a re-run publishes nothing.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { PHP_PROTOBUF_RUNTIME, PHP_VERSION } from "../../core/features/generate/composer-package.js";
import { generateTargets } from "../../core/features/generate/generate-targets.js";
import { renderPublishReport } from "../../core/features/publish/publish-report.js";
import { runPublish } from "../../core/features/publish/run-publish.js";
import { addField, bareRemote, EXAMPLES, git, tempDir } from "./api-project.js";

const CONSUMER = fileURLToPath(new URL("../../../test/fixtures/publish/php-consumer.php", import.meta.url));

const config = (remote: string) => `version: 1
targets:
  - name: php
    language: php
    package: { name: "acme/apis", description: "Acme APIs for PHP" }
    version: { initial: 1.0.0 }
    plugins:
      - name: php
      - name: errors                     # lang=php by default in a php target
    publish:
      git: { url: "${remote}", branch: main, directory: "." }
`;

interface Composer {
  name: string;
  version?: string;
  require: Record<string, string>;
  autoload: { "psr-4": Record<string, string> };
  extra: { protogov: { target: string; sourceCommit?: string } };
}

/** composer with a throw-away home and no network: it must need neither. */
function composer(cwd: string, ...args: string[]): string {
  const env = { ...process.env, COMPOSER_HOME: tempDir("protogov-composer-home-"), COMPOSER_DISABLE_NETWORK: "1" };
  return execFileSync("composer", [...args, "--no-interaction", "--no-ansi"], {
    cwd,
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

describe("a php target: composer package published to git", { concurrency: false }, () => {
  let api: string;
  let remote: string;
  before(() => {
    remote = bareRemote();
    api = tempDir("protogov-php-api-");
    cpSync(join(EXAMPLES, "acme"), join(api, "acme"), { recursive: true });
    writeFileSync(join(api, "protogov.yaml"), config(remote));
    git(api, "init", "--quiet", "--initial-branch=main");
    git(api, "add", "-A");
    git(api, "commit", "--quiet", "-m", "API");
  });

  it("generate writes composer.json next to the classes: PSR-4 for their namespaces, no version outside a release", async () => {
    const [php] = (await generateTargets({ cwd: api, names: ["php"] })).targets;
    const manifest = JSON.parse(new TextDecoder().decode(php?.files.get("composer.json"))) as Composer;
    assert.deepEqual(manifest, {
      name: "acme/apis",
      description: "Acme APIs for PHP",
      type: "library",
      require: { php: PHP_VERSION, "google/protobuf": PHP_PROTOBUF_RUNTIME },
      autoload: { "psr-4": { "Acme\\": "Acme/", "GPBMetadata\\": "GPBMetadata/", "Protogov\\": "Protogov/" } },
      extra: manifest.extra,
    });
    assert.equal(manifest.extra.protogov.target, "php");
    assert.ok(php?.files.has("Acme/Users/V1/User.php"), "protoc's message class");
    assert.ok(php?.files.has("Acme/Users/V1/UserNotFoundException.php"), "the typed error");
  });

  it("dry run shows the version and composer.json, and publishes nothing", async () => {
    const text = renderPublishReport(await runPublish({ cwd: api, names: [], dryRun: true }));
    assert.match(text, /^php: .*1\.0\.0/m);
    // The manifest leads the listing, which is cut after 20 of the 134 files.
    assert.match(text, /git: \d+ file change\(s\) on branch main\n {4}A CHANGELOG\.md\n {4}A composer\.json\n/);
    assert.equal(git(remote, "tag", "--list"), "");
  });

  it("publishes v1.0.0; a checkout of the tag installs with composer and a PHP consumer catches the typed error", async () => {
    const report = await runPublish({ cwd: api, names: [], dryRun: false });
    assert.equal(report.entries[0]?.status, "published", renderPublishReport(report));
    assert.equal(git(remote, "tag", "--list"), "v1.0.0");
    const checkout = tempDir("protogov-php-checkout-");
    git(checkout, "clone", "--quiet", "--branch", "v1.0.0", remote, ".");
    const manifest = JSON.parse(readFileSync(join(checkout, "composer.json"), "utf8")) as Composer;
    assert.equal(manifest.version, "1.0.0");
    assert.equal(manifest.extra.protogov.sourceCommit, git(api, "rev-parse", "HEAD"));
    composer(checkout, "validate", "--no-check-publish", "--no-check-lock");
    composer(checkout, "dump-autoload");
    const out = execFileSync("php", [CONSUMER, checkout], { encoding: "utf8" });
    assert.equal(out, "Acme\\Users\\V1\\UserNotFoundException 5 user 42 not found 42 ada@acme.example\n");
  });

  it("a feature publishes 1.1.0 with composer.json at that version; a re-run publishes nothing", async () => {
    addField(api);
    const report = await runPublish({ cwd: api, names: [], dryRun: false });
    assert.equal(report.entries[0]?.status, "published", renderPublishReport(report));
    assert.deepEqual(git(remote, "tag", "--list").split("\n"), ["v1.0.0", "v1.1.0"]);
    assert.equal((JSON.parse(git(remote, "show", "v1.1.0:composer.json")) as Composer).version, "1.1.0");
    const again = await runPublish({ cwd: api, names: [], dryRun: false });
    assert.equal(again.entries[0]?.status, "unchanged", renderPublishReport(again));
    assert.deepEqual(git(remote, "tag", "--list").split("\n"), ["v1.0.0", "v1.1.0"]);
  });
});

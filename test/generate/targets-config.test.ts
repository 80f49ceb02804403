/**
 * The targets section of protogov.yaml: defaults, unknown keys with a "did
 * you mean" and the line, semantic problems (duplicates, missing keys,
 * publish settings that do not fit), credentials in URLs, and unknown
 * target names on the command line.
 */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { selectTargets } from "../../core/features/generate/generate-targets.js";
import { loadConfig } from "../../core/model/config/load.js";
import { ConfigError, UsageError } from "../../core/model/errors.js";
import { tempDir } from "../publish/api-project.js";

function load(yaml: string) {
  const dir = tempDir("protogov-targets-");
  writeFileSync(join(dir, "protogov.yaml"), yaml);
  return loadConfig({ startDir: dir });
}

function problem(yaml: string): string {
  try {
    load(yaml);
  } catch (e) {
    assert.ok(e instanceof ConfigError, String(e));
    return e.message;
  }
  return assert.fail("expected a config error");
}

describe("targets config", () => {
  it("fills defaults", () => {
    const [t] = load(
      "targets:\n  - name: ts\n    language: typescript\n    plugins: [{ name: es }]\n    publish:\n      npm: { registry: http://127.0.0.1:1/ }\n",
    ).config.targets;
    assert.equal(t?.out, "gen/ts");
    assert.deepEqual(t?.package, { name: "ts", description: "" });
    assert.deepEqual(t?.version, { initial: "0.1.0", prerelease: undefined });
    assert.deepEqual(t?.publish.npm, { registry: "http://127.0.0.1:1/", access: undefined, tokenEnv: "NPM_TOKEN", distTag: "latest" });
    assert.equal(t?.line, 2);
  });

  it("a Go module's tags carry its sub-directory (Go's rule); other targets and a root module tag v<version>", () => {
    const target = (language: string, extra: string, directory: string) =>
      `  - name: ${language}-${directory.replace(/\W/g, "")}\n    language: ${language}\n${extra}    plugins: [{ name: ${language === "go" ? "go" : "java"} }]\n    publish:\n      git: { url: "http://127.0.0.1:1/r.git", directory: "${directory}" }\n`;
    const go = "    go: { module: example.test/apis/go }\n";
    const targets = load(`targets:\n${target("go", go, "go/")}${target("go", go, ".")}${target("java", "", "java")}`).config.targets;
    assert.deepEqual(
      targets.map((t) => t.publish.git?.tagPrefix),
      ["go/v", "v", "v"],
    );
    assert.deepEqual(targets[0]?.go, { module: "example.test/apis/go" });
    assert.match(problem(`targets:\n${target("go", "", ".")}`), /a go target needs "go: \{ module: <module path> \}"/);
  });

  it("reports unknown keys with a guess and the line", () => {
    const message = problem("version: 1\ntargets:\n  - name: java\n    language: java\n    plugins: [{ name: java }]\n    publsh: {}\n");
    assert.match(message, /protogov\.yaml:6: targets\[0\]\.publsh: unknown key "publsh" \(did you mean "publish"\?\)/);
  });

  it("reports duplicates, missing keys and misplaced publish settings, all at once", () => {
    const message = problem(
      "targets:\n  - name: a\n    language: java\n    plugins: [{ name: java }]\n    publish:\n      npm: { registry: http://127.0.0.1:1/ }\n  - name: a\n    language: typescript\n    plugins: [{ name: errors }]\n  - language: go\n",
    );
    assert.match(message, /:5: targets\[0\]: publish\.npm needs language "typescript"/);
    assert.match(message, /:7: targets\[1\]: duplicate target name "a"/);
    assert.match(message, /targets\[1\]: a typescript target needs the "es" plugin/);
    assert.match(message, /:10: targets\[2\]: missing "name"/);
    assert.match(message, /targets\[2\]: no "plugins"/);
  });

  it("takes a composer name for a php target and an npm name for a typescript one", () => {
    const [php] = load('targets:\n  - name: php\n    language: php\n    package: { name: "acme/apis" }\n    plugins: [{ name: php }]\n')
      .config.targets;
    assert.deepEqual(php?.package, { name: "acme/apis", description: "" });
    const [withErrors] = load(
      'targets:\n  - name: php\n    language: php\n    package: { name: "acme/apis" }\n    plugins: [{ name: php }, { name: errors }]\n',
    ).config.targets;
    assert.deepEqual(withErrors?.plugins[1]?.options, { lang: "php" }, "errors defaults to lang=php in a php target");
    const message = problem(
      'targets:\n  - name: php\n    language: php\n    plugins: [{ name: php }, { name: errors, options: { lang: go } }]\n  - name: ts\n    language: typescript\n    package: { name: "acme/apis" }\n    plugins: [{ name: es }]\n',
    );
    assert.match(message, /:2: targets\[0\]: a php target needs package\.name, its composer name "vendor\/package"/);
    assert.match(message, /:4: targets\[0\]: the errors plugin of a php target generates lang=php, not "go"/);
    assert.match(message, /:7: targets\[1\]: package\.name "acme\/apis" is not an npm package name/);
  });

  it("turns on the typed errors' connect-go file in a go target that lists connect-go, unless set", () => {
    const go = (name: string, plugins: string) =>
      `  - name: ${name}\n    language: go\n    go: { module: example.test/m }\n    plugins: [${plugins}]\n`;
    const errors = (options: string) => `{ name: errors, options: { lang: go${options} } }`;
    const { config } = load(
      `targets:\n${go("a", `{ name: go }, { name: connect-go }, ${errors("")}`)}${go("b", `{ name: go }, { name: go-grpc }, ${errors("")}`)}${go("c", `{ name: connect-go }, ${errors(", connect: false")}`)}`,
    );
    assert.deepEqual(
      config.targets.map((t) => t.plugins.find((p) => p.name === "errors")?.options),
      [{ lang: "go", connect: "true" }, { lang: "go" }, { lang: "go", connect: "false" }],
    );
  });

  it("refuses credentials in git URLs", () => {
    const message = problem(
      'targets:\n  - name: j\n    language: java\n    plugins: [{ name: java }]\n    publish:\n      git: { url: "https://user:secret@127.0.0.1/x.git" }\n',
    );
    assert.match(message, /credentials do not belong in the URL/);
  });

  it("rejects unknown target names on the command line with a guess", () => {
    const { config } = load("targets:\n  - name: python\n    language: python\n    plugins: [{ name: python }]\n");
    assert.throws(
      () => selectTargets(config.targets, ["pyhton"], "protogov.yaml"),
      (e: unknown) => e instanceof UsageError && /did you mean "python"/.test(e.message),
    );
    assert.throws(() => selectTargets([], [], "protogov.yaml"), ConfigError);
  });
});

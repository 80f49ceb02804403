/** Plugin options: bad ones are answered in CodeGeneratorResponse.error with the valid list; templates override. */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { docsPlugin, examplesRequest, generate, withTempDir } from "./support.js";

describe("protoc-gen-protogov-docs options", () => {
  it("answers an unknown option with the valid ones and a suggestion", () => {
    const response = docsPlugin().run(examplesRequest("formt=html"));
    assert.match(response.error ?? "", /unknown option "formt" \(did you mean "format"\?\)/);
    for (const key of ["format=markdown|html|json", "layout=package|file|single", "templates=<string>", "title=<string>"]) {
      assert.ok(response.error?.includes(key), `lists ${key}`);
    }
    assert.equal(response.file.length, 0);
  });

  it("answers a bad value with the accepted values", () => {
    const response = docsPlugin().run(examplesRequest("format=pdf"));
    assert.match(response.error ?? "", /invalid value "pdf" for option "format": must be one of markdown, html, json/);
  });

  it("refuses TypeScript options it does not use", () => {
    assert.match(docsPlugin().run(examplesRequest("target=ts")).error ?? "", /unknown option "target"/);
  });

  it("reports a missing template directory as an input error", () => {
    assert.match(
      docsPlugin().run(examplesRequest("templates=/nonexistent/dir")).error ?? "",
      /templates=\/nonexistent\/dir: .*does not exist/,
    );
  });

  it("uses a partial from the override directory and keeps the other built-ins", () => {
    withTempDir((dir) => {
      mkdirSync(join(dir, "markdown", "partials"), { recursive: true });
      writeFileSync(join(dir, "markdown", "partials", "enum.hbs"), "ENUM {{fullName}} has {{values.length}} values\n\n");
      const files = generate(examplesRequest(`format=markdown,templates=${dir}`));
      const users = files.get("acme.users.v1.md") ?? "";
      assert.match(users, /^ENUM acme\.users\.v1\.UserStatus has 5 values$/m);
      assert.match(users, /^#### User$/m, "built-in message partial still used");
    });
  });

  it("strict templates: a misspelt property fails instead of printing nothing", () => {
    withTempDir((dir) => {
      mkdirSync(join(dir, "markdown", "partials"), { recursive: true });
      writeFileSync(join(dir, "markdown", "partials", "enum.hbs"), "{{fulName}}\n");
      assert.throws(() => generate(examplesRequest(`format=markdown,templates=${dir}`)), /"fulName" not defined/);
    });
  });

  it("layouts: one page per package, per file, or a single page", () => {
    const names = (p: string) => [...generate(examplesRequest(p)).keys()].sort();
    assert.deepEqual(names("format=markdown,layout=single"), ["reference.md"]);
    assert.ok(names("format=markdown,layout=file").includes("acme/users/v1/errors.md"));
    assert.ok(names("format=markdown").includes("acme.users.v1.md"));
  });
});

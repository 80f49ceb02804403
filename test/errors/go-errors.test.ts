/**
 * lang=go: the golden files (connect=true adds protogov_errors_connect.go per
 * package and changes nothing else), and the generated package compiled by the
 * real Go toolchain: `gofmt -l` lists nothing and `go vet` passes, inside the
 * interop module (test/interop/go, pinned grpc-go, genproto and connect-go).
 * Naming collisions are refused with file:line.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { runErrorsPlugin } from "../../plugins/errors/plugin.js";
import { protosDir, requestFor } from "./generate-support.js";
import { assertGolden, cacheDir, generateLang, goEnv, projectWithErrors, requireToolchain, writeProtos } from "./lang-support.js";

describe("protoc-gen-protogov-errors lang=go", () => {
  const tmp = mkdtempSync(join(tmpdir(), "protogov-go-errors-"));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it("matches test/golden/errors-go/proto-examples", () => {
    const files = generateLang("go");
    assert.deepEqual([...files.keys()].sort(), [
      "acme/orders/v1/errors_errors.go",
      "acme/orders/v1/protogov_errors.go",
      "acme/payments/v1/errors_errors.go",
      "acme/payments/v1/protogov_errors.go",
      "acme/users/v1/errors_errors.go",
      "acme/users/v1/protogov_errors.go",
    ]);
    assertGolden("go", files);
    for (const [name, content] of files) assert.doesNotMatch(content, /connectrpc\.com/, `${name} imports connect-go without connect=true`);
  });

  it("with connect=true adds protogov_errors_connect.go per package (test/golden/errors-go-connect), the rest unchanged", () => {
    const plain = generateLang("go");
    const files = generateLang("go", "connect=true");
    const added = new Map([...files].filter(([name]) => !plain.has(name)));
    assert.deepEqual([...added.keys()].sort(), [
      "acme/orders/v1/protogov_errors_connect.go",
      "acme/payments/v1/protogov_errors_connect.go",
      "acme/users/v1/protogov_errors_connect.go",
    ]);
    for (const [name, content] of plain) assert.equal(files.get(name), content, `${name} changed with connect=true`);
    assertGolden("go-connect", added);
  });

  it("refuses connect=true for another language, listing the valid options", () => {
    for (const lang of ["ts", "python"]) {
      const response = runErrorsPlugin(requestFor([protosDir], ["protogov/errors/v1/errors.proto"], `lang=${lang},connect=true`));
      assert.match(response.error ?? "", new RegExp(`option "connect" needs lang=go, not lang=${lang}`));
      assert.match(response.error ?? "", /connect=true\|false/);
    }
  });

  it("is gofmt-clean and passes go vet, the connect-go file included", () => {
    requireToolchain(join(cacheDir, "go", "mod"));
    const project = projectWithErrors("go", tmp);
    const unformatted = execFileSync("gofmt", ["-l", "gen"], { cwd: project, env: goEnv(), encoding: "utf8" });
    assert.equal(unformatted, "", "gofmt -l lists files");
    execFileSync("go", ["vet", "./gen/..."], { cwd: project, env: goEnv(), stdio: ["ignore", "pipe", "pipe"] });
  });

  it("refuses a Go name collision in one package and a parameter named like a method, with file:line", () => {
    const dir = writeProtos(tmp, {
      "acme/clash/v1/a.proto": errorsProto("AError", "a.acme.example", "A_ERROR_QUOTA = 1", "quota {code} reached"),
      "acme/clash/v1/b.proto": errorsProto("BError", "b.acme.example", "B_ERROR_QUOTA = 1", "quota reached"),
    });
    const response = runErrorsPlugin(requestFor([dir, protosDir], ["acme/clash/v1/a.proto", "acme/clash/v1/b.proto"], "lang=go"));
    assert.match(response.error ?? "", /acme\/clash\/v1\/a\.proto:\d+: .*parameter \{code\} would be the Go field Code/);
    assert.match(
      response.error ?? "",
      /acme\/clash\/v1\/b\.proto:\d+: Go name QuotaError is also generated for acme\.clash\.v1\.AError\.A_ERROR_QUOTA/,
    );
    assert.equal(response.file.length, 0);
  });
});

function errorsProto(enumName: string, domain: string, value: string, message: string): string {
  const prefix = value.slice(0, value.indexOf("_ERROR_") + 7);
  return `syntax = "proto3";
package acme.clash.v1;
import "protogov/errors/v1/errors.proto";
enum ${enumName} {
  option (protogov.errors.v1.domain) = { domain: "${domain}" default_code: CODE_NOT_FOUND };
  ${prefix}UNSPECIFIED = 0;
  ${value} [(protogov.errors.v1.error) = { number: 1 message: "${message}" }];
}
`;
}

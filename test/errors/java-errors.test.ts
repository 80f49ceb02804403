/**
 * lang=java: the golden files, and the generated classes compiled with
 * `javac -Xlint:all -Werror` against the pinned grpc-java of
 * test/interop/java/pom.xml (resolved into .cache/m2 by .ci/toolchains).
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
import { assertGolden, filesWithExtension, generateLang, javaClasspath, projectWithErrors, writeProtos } from "./lang-support.js";

describe("protoc-gen-protogov-errors lang=java", () => {
  const tmp = mkdtempSync(join(tmpdir(), "protogov-java-errors-"));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it("matches test/golden/errors-java/proto-examples", () => {
    const files = generateLang("java");
    assert.deepEqual([...files.keys()].sort(), [
      "acme/orders/v1/GovernedException.java",
      "acme/orders/v1/OrdersErrors.java",
      "acme/payments/v1/GovernedException.java",
      "acme/payments/v1/PaymentsErrors.java",
      "acme/users/v1/GovernedException.java",
      "acme/users/v1/UsersErrors.java",
    ]);
    assertGolden("java", files);
  });

  it("compiles with javac -Xlint:all -Werror", () => {
    const project = projectWithErrors("java", tmp);
    const sources = filesWithExtension(join(project, "gen"), ".java");
    execFileSync("javac", ["-Xlint:all", "-Werror", "-cp", javaClasspath(), "-d", join(project, "classes"), ...sources], {
      stdio: ["ignore", "pipe", "pipe"],
    });
  });

  it("refuses a java.lang class name and a parameter named like a method, with file:line", () => {
    const dir = writeProtos(tmp, {
      "acme/clash/v1/errors.proto": `syntax = "proto3";
package acme.clash.v1;
import "protogov/errors/v1/errors.proto";
enum AError {
  option (protogov.errors.v1.domain) = { domain: "a.acme.example" default_code: CODE_NOT_FOUND };
  A_ERROR_UNSPECIFIED = 0;
  A_ERROR_SECURITY = 1 [(protogov.errors.v1.error) = { number: 1 message: "denied" }];
  A_ERROR_QUOTA = 2 [(protogov.errors.v1.error) = { number: 2 message: "{http_status}" }];
}
`,
    });
    const response = runErrorsPlugin(requestFor([dir, protosDir], ["acme/clash/v1/errors.proto"], "lang=java"));
    assert.match(
      response.error ?? "",
      /acme\/clash\/v1\/errors\.proto:7: acme\.clash\.v1\.AError\.A_ERROR_SECURITY: the Java class name SecurityException is reserved/,
    );
    assert.match(response.error ?? "", /acme\/clash\/v1\/errors\.proto:8: .*parameter \{http_status\} would be the getter httpStatus\(\)/);
    assert.equal(response.file.length, 0);
  });
});

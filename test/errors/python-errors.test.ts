/**
 * lang=python: the golden files, the generated modules under `mypy --strict`
 * (test/interop/python/mypy.ini, pinned mypy and typeshed stubs in the venv
 * .ci/toolchains builds), and a run of the module itself: the status an error
 * raises carries ErrorInfo and RetryInfo and decodes back into the class.
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
import { assertGolden, cacheDir, generateLang, projectWithErrors, requireToolchain, venvPython, writeProtos } from "./lang-support.js";

describe("protoc-gen-protogov-errors lang=python", () => {
  const tmp = mkdtempSync(join(tmpdir(), "protogov-python-errors-"));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it("matches test/golden/errors-python/proto-examples", () => {
    const files = generateLang("python");
    assert.deepEqual([...files.keys()].sort(), [
      "acme/orders/v1/errors_errors.py",
      "acme/payments/v1/errors_errors.py",
      "acme/users/v1/errors_errors.py",
    ]);
    assertGolden("python", files);
  });

  it("passes mypy --strict and round-trips a status through the registry", () => {
    requireToolchain(venvPython);
    const project = projectWithErrors("python", tmp);
    execFileSync(join(cacheDir, "venv", "bin", "mypy"), ["--config-file", "mypy.ini", "gen"], {
      cwd: project,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const script = `
from acme.users.v1.errors_errors import DirectoryUnavailableError, GovernedError
from google.rpc.error_details_pb2 import ErrorInfo, RetryInfo
st = DirectoryUnavailableError(region="eu").to_status()
info, retry = ErrorInfo(), RetryInfo()
assert st.details[0].Unpack(info) and st.details[1].Unpack(retry)
typed = DirectoryUnavailableError._received(info.metadata, st)
print(st.code, st.message, info.domain, info.reason, dict(info.metadata), retry.retry_delay.ToMilliseconds(), type(typed).__name__, typed.region)
`;
    const out = execFileSync(venvPython, ["-c", script], { cwd: join(project, "gen"), encoding: "utf8" });
    assert.equal(
      out.trim(),
      "14 user directory is temporarily unavailable in region eu users.acme.example DIRECTORY_UNAVAILABLE {'region': 'eu'} 500 DirectoryUnavailableError eu",
    );
  });

  it("refuses a builtin class name, a hidden attribute and two classes with one name, with file:line", () => {
    const dir = writeProtos(tmp, {
      "acme/clash/v1/errors.proto": `syntax = "proto3";
package acme.clash.v1;
import "protogov/errors/v1/errors.proto";
enum AError {
  option (protogov.errors.v1.domain) = { domain: "a.acme.example" default_code: CODE_NOT_FOUND };
  A_ERROR_UNSPECIFIED = 0;
  A_ERROR_TIMEOUT = 1 [(protogov.errors.v1.error) = { number: 1 message: "timed out" }];
  A_ERROR_QUOTA = 2 [(protogov.errors.v1.error) = { number: 2 message: "{reason}" }];
}
`,
    });
    const response = runErrorsPlugin(requestFor([dir, protosDir], ["acme/clash/v1/errors.proto"], "lang=python"));
    assert.match(
      response.error ?? "",
      /acme\/clash\/v1\/errors\.proto:7: acme\.clash\.v1\.AError\.A_ERROR_TIMEOUT: the Python class name TimeoutError is reserved/,
    );
    assert.match(response.error ?? "", /acme\/clash\/v1\/errors\.proto:8: .*parameter \{reason\} would hide the attribute reason/);
    assert.equal(response.file.length, 0);
  });
});

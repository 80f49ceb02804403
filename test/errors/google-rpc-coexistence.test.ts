/**
 * The TypeScript runtime carries its own copy of the google.rpc detail
 * messages (runtime/errors/proto/protogov/rpc/error_details.proto, package
 * google.rpc) so that generated errors need no googleapis dependency. A
 * consumer that also loads googleapis' real google/rpc/error_details.proto
 * (its generated code, grpc status helpers) must see no conflict: both in one
 * registry, details written by either read by the other, and the typed error
 * recovered from details that googleapis' own types wrote.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { create, createFileRegistry, createRegistry, fromBinary, toBinary } from "@bufbuild/protobuf";
import { anyPack, anyUnpack, FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError } from "@connectrpc/connect";
import { createErrorRegistry, ErrorInfoSchema } from "@protogov/errors-runtime";
import { UserNotFoundError, errorSet as usersErrors } from "../golden/errors/proto-examples/acme/users/v1/errors_errors.js";
import { repoRoot } from "../support/paths.js";

/**
 * googleapis' own google.rpc protos as googleapis publishes them (the googleapis-common-protos
 * package in the pinned venv that .ci/toolchains installs), compiled by protoc.
 */
function googleRpc() {
  const lib = join(repoRoot, ".cache", "venv", "lib");
  const site = readdirSync(lib).map((py) => join(lib, py, "site-packages"));
  const GOOGLEAPIS = site.find((dir) => existsSync(join(dir, "google", "rpc", "error_details.proto")));
  assert.ok(GOOGLEAPIS, `googleapis-common-protos is not installed under ${lib}: run bash .ci/toolchains`);
  const dir = mkdtempSync(join(tmpdir(), "protogov-google-rpc-"));
  try {
    const out = join(dir, "rpc.binpb");
    execFileSync("protoc", [
      `-I${GOOGLEAPIS}`,
      "--include_imports",
      `-o${out}`,
      "google/rpc/error_details.proto",
      "google/rpc/status.proto",
    ]);
    return createFileRegistry(fromBinary(FileDescriptorSetSchema, readFileSync(out)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the runtime's google.rpc copy next to googleapis' own", () => {
  const google = googleRpc();
  const googleInfo = google.getMessage("google.rpc.ErrorInfo");
  assert.ok(googleInfo, "googleapis defines google.rpc.ErrorInfo");

  it("are two files of one package that share a registry without a duplicate-definition error", () => {
    assert.equal(googleInfo.file.name, "google/rpc/error_details");
    assert.equal(ErrorInfoSchema.file.name, "protogov/rpc/error_details");
    assert.equal(ErrorInfoSchema.typeName, googleInfo.typeName);
    const both = createRegistry(google, ErrorInfoSchema.file);
    assert.ok(both.getMessage("google.rpc.ErrorInfo"));
    assert.ok(both.getMessage("google.rpc.Status"));
  });

  it("read each other's bytes and Any-packed details", () => {
    const ours = create(ErrorInfoSchema, { reason: "USER_NOT_FOUND", domain: "users.acme.example", metadata: { userId: "42" } });
    const theirs = fromBinary(googleInfo, toBinary(ErrorInfoSchema, ours));
    assert.deepEqual({ ...(theirs as unknown as { metadata: Record<string, string> }).metadata }, { userId: "42" });
    const packed = anyPack(googleInfo, theirs);
    assert.equal(packed.typeUrl, "type.googleapis.com/google.rpc.ErrorInfo");
    const back = anyUnpack(packed, createRegistry(ErrorInfoSchema));
    assert.equal((back as { reason?: string } | undefined)?.reason, "USER_NOT_FOUND");
  });

  it("turns details written with googleapis' ErrorInfo back into the typed error", () => {
    const info = create(googleInfo, { reason: "USER_NOT_FOUND", domain: "users.acme.example", metadata: { userId: "42" } });
    const received = new ConnectError("user 42 not found", Code.NotFound, undefined, [{ desc: googleInfo, value: info }]);
    const typed = createErrorRegistry(usersErrors).fromError(received);
    assert.ok(typed instanceof UserNotFoundError, String(typed));
    assert.equal(typed.params.userId, "42");
  });
});

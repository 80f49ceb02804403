/**
 * proto-examples' acme.users.v1.UserService as a runtime descriptor (from
 * protoc's descriptor set, so no service code has to be generated), with a
 * handler for GetUser that throws whatever a test chooses (exampleFailure: the
 * generated errors and two that are not governed) and a client typed just
 * enough for the tests.
 */
import assert from "node:assert/strict";
import { create, createFileRegistry, type DescService } from "@bufbuild/protobuf";
import { FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError, type ConnectRouter, createClient, type Transport } from "@connectrpc/connect";
import { ErrorInfoSchema } from "@protogov/errors-runtime";
import {
  AccountSuspendedError,
  DirectoryUnavailableError,
  UserNotFoundError,
} from "../golden/errors/proto-examples/acme/users/v1/errors_errors.js";
import { examplesRequest } from "./generate-support.js";

export const userService: DescService = (() => {
  const registry = createFileRegistry(create(FileDescriptorSetSchema, { file: examplesRequest("").protoFile }));
  const service = registry.getService("acme.users.v1.UserService");
  assert.ok(service, "UserService in proto-examples");
  return service;
})();

/** Routes where GetUser throws `failure(userId)`. */
export function routesThrowing(failure: (userId: string) => unknown): (router: ConnectRouter) => void {
  return (router) => {
    const impl = {
      getUser(req: { userId: string }) {
        throw failure(req.userId);
      },
    };
    // The descriptor comes from a runtime registry: there are no generated types to check the implementation against.
    router.service(userService, impl as unknown as Parameters<ConnectRouter["service"]>[1]);
  };
}

/** Calls GetUser and returns what it throws; fails the test if the call succeeds. */
export async function getUserError(transport: Transport, userId: string): Promise<unknown> {
  const client = createClient(userService, transport) as unknown as { getUser(req: { userId: string }): Promise<unknown> };
  try {
    await client.getUser({ userId });
  } catch (e) {
    return e;
  }
  assert.fail("GetUser succeeded");
}

/**
 * What the handler throws, chosen by the requested user id: "suspended", "busy" (retryable),
 * "plain" (no details), "new-reason" (an unknown reason), else UserNotFound with a cause and a
 * LocalizedMessage.
 */
export function exampleFailure(userId: string): Error {
  switch (userId) {
    case "suspended":
      return new AccountSuspendedError({ userId, suspendedUntil: "2030-01-01" });
    case "busy":
      return new DirectoryUnavailableError({ region: "eu-west-1" });
    case "plain":
      return new ConnectError("not yours", Code.PermissionDenied);
    case "new-reason":
      return new ConnectError("from a newer server", Code.NotFound, undefined, [
        { desc: ErrorInfoSchema, value: create(ErrorInfoSchema, { domain: "users.acme.example", reason: "USER_ARCHIVED" }) },
      ]);
    default:
      return new UserNotFoundError(
        { userId },
        { cause: new Error("row missing"), localizedMessage: { locale: "de", message: "unbekannt" } },
      );
  }
}

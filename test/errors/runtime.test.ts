/**
 * @protogov/errors-runtime on the generated golden classes: the two
 * ConnectError traps (checked against Connect itself, so a Connect upgrade that
 * changes them shows up here), the details a server sends, the registry's
 * rules, and the constructor types. The type checks are compile-time: the
 * strict build of this file fails when a `@ts-expect-error` line compiles.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Code, ConnectError, createRouterTransport } from "@connectrpc/connect";
import { createErrorRegistry, ErrorInfoSchema, GovernedError, LocalizedMessageSchema, RetryInfoSchema } from "@protogov/errors-runtime";
import { OutOfStockError } from "../golden/errors/proto-examples/acme/orders/v1/errors_errors.js";
import {
  AccountSuspendedError,
  DirectoryUnavailableError,
  EmailAlreadyRegisteredError,
  UserNotFoundError,
  errorSet as usersErrors,
} from "../golden/errors/proto-examples/acme/users/v1/errors_errors.js";
import { getUserError, routesThrowing } from "./example-service.js";

describe("ConnectError traps, verified against @connectrpc/connect", () => {
  it("a handler error whose name is not ConnectError reaches the client as Internal without details", async () => {
    class RenamedError extends ConnectError {
      constructor() {
        super("renamed", Code.NotFound);
        this.name = "RenamedError";
      }
    }
    const err = await getUserError(createRouterTransport(routesThrowing(() => new RenamedError())), "1");
    assert.ok(err instanceof ConnectError);
    assert.equal(err.code, Code.Internal);
    assert.equal(err.details.length, 0);
  });

  it("generated errors keep the name ConnectError and arrive with their code and ErrorInfo", async () => {
    const thrown = new UserNotFoundError({ userId: "7" });
    assert.equal(thrown.name, "ConnectError");
    const err = await getUserError(createRouterTransport(routesThrowing(() => thrown)), "7");
    assert.ok(err instanceof ConnectError);
    assert.equal(err.code, Code.NotFound);
    assert.equal(err.findDetails(ErrorInfoSchema)[0]?.reason, "USER_NOT_FOUND");
  });

  it("plain ConnectError subclasses are instances of each other; generated siblings are not", () => {
    class A extends ConnectError {}
    class B extends ConnectError {}
    assert.equal(new A("a") instanceof B, true, "the inherited Symbol.hasInstance trap");
    const notFound = new UserNotFoundError({ userId: "1" });
    assert.equal(notFound instanceof EmailAlreadyRegisteredError, false);
    assert.equal(notFound instanceof OutOfStockError, false);
    assert.equal(new ConnectError("plain") instanceof UserNotFoundError, false);
    assert.equal(notFound instanceof UserNotFoundError, true);
    assert.equal(notFound instanceof GovernedError, true);
    assert.equal(notFound instanceof ConnectError, true);
    assert.equal(notFound instanceof Error, true);
  });

  it("a copy of a class (same domain and reason, another module instance) is recognised", () => {
    class CopiedUserNotFoundError extends GovernedError<{ readonly userId: string }> {
      static readonly protoName = UserNotFoundError.protoName;
      static readonly domain = UserNotFoundError.domain;
      static readonly reason = UserNotFoundError.reason;
      static readonly code = UserNotFoundError.code;
      static readonly number = UserNotFoundError.number;
      static readonly httpStatus = UserNotFoundError.httpStatus;
      static readonly messageTemplate = UserNotFoundError.messageTemplate;
      static readonly params = UserNotFoundError.params;
      static readonly retryable = false;
      static readonly retryDelayMs = undefined;
    }
    assert.equal(new CopiedUserNotFoundError({ userId: "1" }) instanceof UserNotFoundError, true);
    assert.equal(new CopiedUserNotFoundError({ userId: "1" }) instanceof EmailAlreadyRegisteredError, false);
  });
});

describe("generated errors on the server side", () => {
  it("render the message and put every template parameter into ErrorInfo.metadata", () => {
    const err = new AccountSuspendedError({ userId: "u1", suspendedUntil: "2030-01-01" });
    assert.equal(err.message, "[failed_precondition] account u1 is suspended until 2030-01-01");
    const [info] = err.findDetails(ErrorInfoSchema);
    assert.deepEqual({ ...info?.metadata }, { userId: "u1", suspendedUntil: "2030-01-01" });
    assert.equal(info?.domain, "users.acme.example");
    assert.equal(err.httpStatus, 400);
  });

  it("add RetryInfo for retryable errors with a delay, and LocalizedMessage on request", () => {
    assert.equal(new UserNotFoundError({ userId: "1" }).findDetails(RetryInfoSchema).length, 0);
    const busy = new DirectoryUnavailableError(
      { region: "eu" },
      { localizedMessage: { locale: "de-DE", message: "Später erneut versuchen" } },
    );
    assert.equal(busy.findDetails(RetryInfoSchema)[0]?.retryDelay?.nanos, 500_000_000);
    assert.equal(busy.findDetails(LocalizedMessageSchema)[0]?.locale, "de-DE");
    assert.equal(busy.retryable, true);
  });

  it("keep the cause", () => {
    const cause = new Error("db");
    assert.equal(new UserNotFoundError({ userId: "1" }, { cause }).cause, cause);
  });
});

describe("createErrorRegistry", () => {
  it("refuses two classes with one domain and reason", () => {
    class Impostor extends UserNotFoundError {}
    assert.throws(() => createErrorRegistry(usersErrors, [Impostor]), /both use domain "users\.acme\.example" and reason "USER_NOT_FOUND"/);
  });

  it("returns an in-memory instance of a registered class as is, and undefined for non-errors", () => {
    const registry = createErrorRegistry(usersErrors);
    const err = new UserNotFoundError({ userId: "1" });
    assert.equal(registry.fromError(err), err);
    assert.equal(registry.fromError(new OutOfStockError({ availableQuantity: "1", requestedQuantity: "2", sku: "x" })), undefined);
    assert.equal(registry.fromError("boom"), undefined);
    assert.equal(registry.get("users.acme.example", "USER_NOT_FOUND"), UserNotFoundError);
  });
});

describe("generated constructors are typed by the message template", () => {
  it("accepts exactly the template's parameters, as strings", () => {
    // Never called: these lines are checked by the compiler only.
    const compileOnly = () => {
      // @ts-expect-error suspendedUntil is missing
      new AccountSuspendedError({ userId: "1" });
      // @ts-expect-error no such parameter
      new UserNotFoundError({ userId: "1", email: "x" });
      // @ts-expect-error parameters are strings, as in ErrorInfo.metadata
      new UserNotFoundError({ userId: 42 });
      // @ts-expect-error the parameter object is required when there are parameters
      new UserNotFoundError();
    };
    void compileOnly;
    const reason: "USER_NOT_FOUND" = UserNotFoundError.reason;
    const params: readonly ["userId", "suspendedUntil"] = AccountSuspendedError.params;
    assert.deepEqual([reason, params], ["USER_NOT_FOUND", ["userId", "suspendedUntil"]]);
  });
});

/**
 * End to end, per transport: a real connect-node server (Connect protocol over
 * HTTP/1.1, gRPC over HTTP/2, gRPC-web over HTTP/1.1) and the in-memory
 * createRouterTransport. UserService's handler throws the generated classes
 * from the golden files; the client must get back exactly that class, with
 * the same number, code, reason, domain and parameters, through
 * `registry.fromError`.
 */
import assert from "node:assert/strict";
import { createServer as createHttp1Server, type Server } from "node:http";
import { createServer as createHttp2Server, type Http2Server, type ServerHttp2Session } from "node:http2";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { Code, ConnectError, createRouterTransport, type Interceptor, type Transport } from "@connectrpc/connect";
import { connectNodeAdapter, createConnectTransport, createGrpcTransport, createGrpcWebTransport } from "@connectrpc/connect-node";
import { createErrorRegistry, RetryInfoSchema } from "@protogov/errors-runtime";
import { errorSet as ordersErrors } from "../golden/errors/proto-examples/acme/orders/v1/errors_errors.js";
import {
  AccountSuspendedError,
  DirectoryUnavailableError,
  EmailAlreadyRegisteredError,
  UserNotFoundError,
  errorSet as usersErrors,
} from "../golden/errors/proto-examples/acme/users/v1/errors_errors.js";
import { exampleFailure, getUserError, routesThrowing } from "./example-service.js";

const routes = routesThrowing(exampleFailure);

/** Every server started, with a way to drop its open connections: close() alone waits for keep-alive clients. */
const servers: { server: Server | Http2Server; dropConnections(): void }[] = [];

async function listen(server: Server | Http2Server): Promise<string> {
  const sessions = new Set<ServerHttp2Session>();
  server.on("session", (session: ServerHttp2Session) => {
    sessions.add(session);
    session.on("close", () => sessions.delete(session));
  });
  const dropConnections = () => {
    if ("closeAllConnections" in server) server.closeAllConnections();
    for (const session of sessions) session.destroy();
  };
  servers.push({ server, dropConnections });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Per transport: a client transport factory; `interceptors` lets a test add registry.interceptor. */
type MakeTransport = (interceptors: Interceptor[]) => Transport;

const transports: Record<string, () => Promise<MakeTransport>> = {
  "Connect over HTTP/1.1": async () => {
    const baseUrl = await listen(createHttp1Server(connectNodeAdapter({ routes })));
    return (interceptors) => createConnectTransport({ baseUrl, httpVersion: "1.1", interceptors });
  },
  "gRPC over HTTP/2": async () => {
    const baseUrl = await listen(createHttp2Server(connectNodeAdapter({ routes })));
    return (interceptors) => createGrpcTransport({ baseUrl, interceptors });
  },
  "gRPC-web over HTTP/1.1": async () => {
    const baseUrl = await listen(createHttp1Server(connectNodeAdapter({ routes })));
    return (interceptors) => createGrpcWebTransport({ baseUrl, httpVersion: "1.1", interceptors });
  },
  createRouterTransport: async () => (interceptors) => createRouterTransport(routes, { transport: { interceptors } }),
};

const registry = createErrorRegistry(usersErrors, ordersErrors);

after(async () => {
  await Promise.all(
    servers.map(({ server, dropConnections }) => {
      const closed = new Promise((resolve) => server.close(resolve));
      dropConnections();
      return closed;
    }),
  );
});

for (const [name, make] of Object.entries(transports)) {
  describe(`errors end to end: ${name}`, () => {
    let transport: Transport;
    let typedTransport: Transport;
    before(async () => {
      const makeTransport = await make();
      transport = makeTransport([]);
      typedTransport = makeTransport([registry.interceptor]);
    });

    it("returns exactly the thrown class with the same number, code, reason, domain and parameters", async () => {
      const wire = await getUserError(transport, "42");
      const typed = registry.fromError(wire);
      assert.ok(typed instanceof UserNotFoundError, `got ${String(wire)}`);
      assert.equal(typed.constructor, UserNotFoundError);
      assert.ok(UserNotFoundError.is(typed));
      assert.deepEqual(
        {
          number: typed.number,
          code: typed.code,
          reason: typed.reason,
          domain: typed.domain,
          params: typed.params,
          message: typed.rawMessage,
        },
        {
          number: 10001,
          code: Code.NotFound,
          reason: "USER_NOT_FOUND",
          domain: "users.acme.example",
          params: { userId: "42" },
          message: "user 42 not found",
        },
      );
      assert.equal(typed.cause, wire, "the received error is kept as cause");
      assert.equal(typed instanceof ConnectError, true);
    });

    it("answers X.is(err) and X.fromError(err) on the error as received, before any registry", async () => {
      const wire = await getUserError(transport, "42");
      assert.equal(wire instanceof UserNotFoundError, false, "the transport returns a plain ConnectError");
      assert.equal(UserNotFoundError.is(wire), true);
      assert.equal(EmailAlreadyRegisteredError.is(wire), false);
      const typed = UserNotFoundError.fromError(wire);
      assert.ok(typed instanceof UserNotFoundError);
      assert.deepEqual(typed.params, { userId: "42" });
      assert.equal(EmailAlreadyRegisteredError.fromError(wire), undefined);
      for (const other of ["plain", "new-reason"]) {
        const received = await getUserError(transport, other);
        assert.equal(UserNotFoundError.is(received), false, other);
        assert.equal(UserNotFoundError.fromError(received), undefined, other);
      }
    });

    it("is not an instance of a sibling class", async () => {
      const typed = registry.fromError(await getUserError(transport, "42"));
      assert.equal(typed instanceof EmailAlreadyRegisteredError, false);
      assert.equal(EmailAlreadyRegisteredError.is(typed), false);
    });

    it("carries every template parameter and the retry hint", async () => {
      const suspended = registry.fromError(await getUserError(transport, "suspended"));
      assert.ok(suspended instanceof AccountSuspendedError);
      assert.deepEqual(suspended.params, { userId: "suspended", suspendedUntil: "2030-01-01" });
      assert.equal(suspended.code, Code.FailedPrecondition);
      const busy = registry.fromError(await getUserError(transport, "busy"));
      assert.ok(busy instanceof DirectoryUnavailableError);
      const [retry] = busy.findDetails(RetryInfoSchema);
      assert.equal(Number(retry?.retryDelay?.nanos ?? 0) / 1e6 + Number(retry?.retryDelay?.seconds ?? 0) * 1000, 500);
    });

    it("returns undefined for an unknown reason", async () => {
      const wire = await getUserError(transport, "new-reason");
      assert.ok(wire instanceof ConnectError);
      assert.equal(registry.fromError(wire), undefined);
    });

    it("passes a non-governed error through untouched", async () => {
      const wire = await getUserError(transport, "plain");
      assert.equal(registry.fromError(wire), undefined);
      assert.equal(registry.toTyped(wire), wire);
      assert.ok(wire instanceof ConnectError);
      assert.equal(wire.code, Code.PermissionDenied);
      assert.equal(wire.rawMessage, "not yours");
    });

    it("rethrows typed errors from a client with registry.interceptor", async () => {
      const thrown = await getUserError(typedTransport, "42");
      assert.ok(thrown instanceof UserNotFoundError);
      assert.deepEqual(thrown.params, { userId: "42" });
      assert.equal(await getUserError(typedTransport, "plain").then((e) => e instanceof ConnectError && e.code), Code.PermissionDenied);
    });
  });
}

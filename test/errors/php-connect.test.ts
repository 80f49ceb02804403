/**
 * PHP and TypeScript across a real wire, over the protocol PHP speaks here
 * without extensions (no grpc PHP extension in Debian): Connect over HTTP/1.1
 * with JSON. A PHP client (plain `file_get_contents`, test/interop/php/
 * connect-client.php) calls a connect-node server that throws the generated
 * TypeScript errors and gets the typed PHP exceptions back through the
 * generated registry; a connect-node client calls a PHP server under
 * `php -S` (connect-server.php) that answers with the generated PHP errors and
 * gets the typed TypeScript errors back. Not governed errors stay untyped.
 */
import assert from "node:assert/strict";
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { Code } from "@connectrpc/connect";
import { connectNodeAdapter, createConnectTransport } from "@connectrpc/connect-node";
import { createErrorRegistry, RetryInfoSchema } from "@protogov/errors-runtime";
import {
  AccountSuspendedError,
  DirectoryUnavailableError,
  UserNotFoundError,
  errorSet as usersErrors,
} from "../golden/errors/proto-examples/acme/users/v1/errors_errors.js";
import { exampleFailure, getUserError, routesThrowing } from "./example-service.js";
import { generateLang, interopDir, writeTree } from "./lang-support.js";

const run = promisify(execFile);
const scripts = join(interopDir, "php");

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A free port on 127.0.0.1 for `php -S` (taken and released; php binds it right after). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe("PHP <-> TypeScript over Connect (HTTP/1.1, JSON)", () => {
  const tmp = mkdtempSync(join(tmpdir(), "protogov-php-connect-"));
  const gen = join(tmp, "gen");
  const env = { ...process.env, PROTOGOV_PHP_GEN: gen };
  let tsServer: Server;
  let phpServer: ChildProcess | undefined;
  before(() => writeTree(gen, generateLang("php")));
  after(async () => {
    phpServer?.kill();
    tsServer?.closeAllConnections();
    await new Promise((resolve) => tsServer?.close(resolve));
    rmSync(tmp, { recursive: true, force: true });
  });

  it("a PHP client gets the typed PHP exception from a connect-node server", async () => {
    tsServer = createServer(connectNodeAdapter({ routes: routesThrowing(exampleFailure) }));
    const baseUrl = await listen(tsServer);
    const ids = ["42", "busy", "suspended", "plain", "new-reason"];
    const { stdout } = await run("php", [join(scripts, "connect-client.php"), baseUrl, ...ids], { env });
    const [notFound, busy, suspended, plain, newReason] = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as unknown);
    assert.deepEqual(notFound, {
      http: 404,
      class: "Acme\\Users\\V1\\UserNotFoundException",
      code: Code.NotFound,
      message: "user 42 not found",
      params: { userId: "42" },
      retryDelayMs: null,
      matches: true,
    });
    assert.deepEqual(busy, {
      http: 503,
      class: "Acme\\Users\\V1\\DirectoryUnavailableException",
      code: Code.Unavailable,
      message: "user directory is temporarily unavailable in region eu-west-1",
      params: { region: "eu-west-1" },
      retryDelayMs: 500,
      matches: false,
    });
    assert.deepEqual(suspended, {
      http: 400,
      class: "Acme\\Users\\V1\\AccountSuspendedException",
      code: Code.FailedPrecondition,
      message: "account suspended is suspended until 2030-01-01",
      params: { userId: "suspended", suspendedUntil: "2030-01-01" },
      retryDelayMs: null,
      matches: false,
    });
    const untyped = { class: null, code: null, message: null, params: null, retryDelayMs: null, matches: false };
    assert.deepEqual(plain, { http: 403, ...untyped });
    assert.deepEqual(newReason, { http: 404, ...untyped });
  });

  it("a connect-node client gets the typed TypeScript error from a PHP server", async () => {
    const port = await freePort();
    phpServer = spawn("php", ["-S", `127.0.0.1:${port}`, join(scripts, "connect-server.php")], { env, stdio: "ignore" });
    const baseUrl = `http://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      const up = await fetch(baseUrl).then(
        () => true,
        () => false,
      );
      if (up) break;
      assert.ok(i < 50, "php -S did not start listening within 5 s");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // JSON: the PHP server reads the request without a protobuf runtime.
    const transport = createConnectTransport({ baseUrl, httpVersion: "1.1", useBinaryFormat: false });
    const registry = createErrorRegistry(usersErrors);

    const notFound = await getUserError(transport, "42");
    assert.ok(UserNotFoundError.is(notFound), "UserNotFoundError.is on the error as received");
    const typed = registry.fromError(notFound);
    assert.ok(typed instanceof UserNotFoundError);
    assert.deepEqual({ ...typed.params }, { userId: "42" });
    assert.equal(typed.code, Code.NotFound);
    assert.equal(typed.rawMessage, "user 42 not found");

    const busy = registry.fromError(await getUserError(transport, "busy"));
    assert.ok(busy instanceof DirectoryUnavailableError);
    assert.deepEqual({ ...busy.params }, { region: "eu-west-1" });
    const [retry] = busy.findDetails(RetryInfoSchema);
    assert.deepEqual({ seconds: retry?.retryDelay?.seconds, nanos: retry?.retryDelay?.nanos }, { seconds: 0n, nanos: 500_000_000 });

    const suspended = registry.fromError(await getUserError(transport, "suspended"));
    assert.ok(suspended instanceof AccountSuspendedError);
    assert.deepEqual({ ...suspended.params }, { userId: "suspended", suspendedUntil: "2030-01-01" });
    assert.equal(suspended.code, Code.FailedPrecondition);
  });
});

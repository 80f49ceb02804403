/**
 * The TypeScript side of the interop tests (interop.test.ts, connect-go.test.ts)
 * and the processes of the other languages: the cases as request lines, a
 * connect-node server (HTTP/2, every protocol) that throws the generated
 * classes, the TypeScript client that reports what its registry made of each
 * error, servers that print their port, clients that print one JSON report
 * per case, and the reports every client must give.
 */
import assert from "node:assert/strict";
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttp2Server, type ServerHttp2Session } from "node:http2";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { create, createFileRegistry, type DescService, fromBinary } from "@bufbuild/protobuf";
import { FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError, type ConnectRouter, createClient, type Transport } from "@connectrpc/connect";
import { connectNodeAdapter } from "@connectrpc/connect-node";
import { createErrorRegistry, ErrorInfoSchema, type GovernedErrorClass, RetryInfoSchema } from "@protogov/errors-runtime";
import { errorSet as ordersErrors } from "../golden/errors/proto-examples/acme/orders/v1/errors_errors.js";
import { errorSet as paymentsErrors } from "../golden/errors/proto-examples/acme/payments/v1/errors_errors.js";
import { errorSet as usersErrors } from "../golden/errors/proto-examples/acme/users/v1/errors_errors.js";
import { repoRoot } from "../support/paths.js";
import { expectedReport, type GovernedCase, type InteropCase, interopCases, requestText } from "./cases.js";

export const CASES = interopCases();
const REQUESTS = `${CASES.map(requestText).join("\n")}\n`;
const TS_CLASSES: readonly GovernedErrorClass[] = [...usersErrors, ...ordersErrors, ...paymentsErrors];
const registry = createErrorRegistry(usersErrors, ordersErrors, paymentsErrors);

export const interopService: DescService = (() => {
  const dir = mkdtempSync(join(tmpdir(), "protogov-interop-desc-"));
  const out = join(dir, "set.binpb");
  let bytes: Buffer;
  try {
    execFileSync("protoc", [
      `-I${join(repoRoot, "test", "interop", "proto")}`,
      "--include_imports",
      `-o${out}`,
      "protogov/interop/v1/interop.proto",
    ]);
    bytes = readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const service = createFileRegistry(fromBinary(FileDescriptorSetSchema, bytes)).getService("protogov.interop.v1.Interop");
  assert.ok(service);
  return service;
})();

function parseRequest(text: string): { name: string; params: Record<string, string> } {
  const [name = "", ...fields] = text.split("\t");
  return { name, params: Object.fromEntries(fields.map((f) => [f.slice(0, f.indexOf("=")), f.slice(f.indexOf("=") + 1)])) };
}

function notGoverned(domain: string, reason: string): ConnectError {
  return new ConnectError("not governed", Code.NotFound, undefined, [
    { desc: ErrorInfoSchema, value: create(ErrorInfoSchema, { domain, reason, metadata: { userId: "1" } }) },
  ]);
}

/** The TypeScript server: throws the generated class a request names. */
export function tsRoutes(router: ConnectRouter): void {
  const impl = {
    raise(req: { value: string }) {
      const { name, params } = parseRequest(req.value);
      if (name === "plain") throw new ConnectError("plain", Code.NotFound);
      if (name === "wrong_domain") throw notGoverned("users.other.example", "USER_NOT_FOUND");
      if (name === "unknown_reason") throw notGoverned("users.acme.example", "USER_ARCHIVED");
      const cls = TS_CLASSES.find((c) => c.protoName === name);
      if (!cls) throw new ConnectError(`unknown case ${name}`, Code.InvalidArgument);
      throw new (cls as unknown as new (p: Record<string, string>) => Error)(params);
    },
  };
  router.service(interopService, impl as unknown as Parameters<ConnectRouter["service"]>[1]);
}

/** The TypeScript client: the registry, X.is on the received error, the details. */
export async function tsClient(transport: Transport): Promise<object[]> {
  const client = createClient(interopService, transport) as unknown as { raise(req: { value: string }): Promise<unknown> };
  const reports: object[] = [];
  for (const c of CASES) {
    const line = requestText(c);
    let received: unknown;
    try {
      await client.raise({ value: line });
    } catch (e) {
      received = e;
    }
    assert.ok(received instanceof ConnectError, `${c.protoName}: the call succeeded`);
    const cls = TS_CLASSES.find((k) => k.protoName === c.protoName) as unknown as { is(v: unknown): boolean } | undefined;
    const report: Record<string, unknown> = {
      case: c.protoName,
      governed: false,
      matches: cls ? cls.is(received) : false,
      code: received.code,
    };
    const typed = registry.fromError(received);
    if (typed) {
      const retry = received.findDetails(RetryInfoSchema)[0]?.retryDelay;
      const info = received.findDetails(ErrorInfoSchema)[0];
      Object.assign(report, {
        governed: true,
        type: typed.constructor.name,
        code: typed.code,
        message: typed.rawMessage,
        params: { ...typed.params },
        retryDelayMs: retry ? Number(retry.seconds) * 1000 + retry.nanos / 1e6 : 0,
        raw: info ? { domain: info.domain, reason: info.reason, metadata: { ...info.metadata } } : undefined,
      });
    }
    reports.push(report);
  }
  return reports;
}

/** A process: command, arguments, environment. */
export type Command = [string, string[], NodeJS.ProcessEnv?];

/** Starts a server that prints its port on the first line; `children` collects it for after(). */
export function startServer(name: string, [cmd, args, env]: Command, children: ChildProcess[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    children.push(child);
    let out = "";
    let err = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const line = out.split("\n")[0];
      if (out.includes("\n") && line) resolve(`127.0.0.1:${line.trim()}`);
    });
    child.stderr?.on("data", (d: Buffer) => {
      err += d.toString();
    });
    child.on("exit", (code) => reject(new Error(`${name} server exited with ${code}: ${err}`)));
  });
}

/** Runs a client process asynchronously: the TypeScript server lives in this process' event loop. */
export function runClient(name: string, [cmd, args, env]: Command): Promise<object[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: env ?? process.env, stdio: ["pipe", "pipe", "pipe"], timeout: 120_000 });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`${name} client exited with ${code}: ${err}`));
      const lines = out.split("\n").filter((l) => l.length > 0);
      if (lines.length !== CASES.length)
        return reject(new Error(`${name} client reported ${lines.length} of ${CASES.length} cases: ${err}`));
      resolve(lines.map((l) => JSON.parse(l) as object));
    });
    child.stdin.end(REQUESTS);
  });
}

/** The connect-node server on 127.0.0.1 (HTTP/2 without TLS); close() ends the sessions clients keep open. */
export async function startTsServer(): Promise<{ address: string; close(): Promise<void> }> {
  const server = createHttp2Server(connectNodeAdapter({ routes: tsRoutes }));
  const sessions = new Set<ServerHttp2Session>();
  server.on("session", (session: ServerHttp2Session) => sessions.add(session));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const session of sessions) session.destroy();
      await closed;
    },
  };
}

/** The reports of every case for a client whose type names are `typeName`. */
export function expected(typeName: (c: GovernedCase) => string): object[] {
  return CASES.map((c: InteropCase) => expectedReport(c, typeName));
}

/** Reports without keys whose value is undefined (the TS client's raw on a not-governed case). */
export function normalized(reports: object[]): object[] {
  return JSON.parse(JSON.stringify(reports)) as object[];
}

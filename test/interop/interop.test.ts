/**
 * The interop matrix: servers in TypeScript (connect-node, gRPC and Connect
 * protocols), Go (grpc-go), Python (grpcio) and Java (grpc-java) raise every
 * governed error of proto-examples through their generated code, plus a plain
 * status, a wrong domain and an unknown reason; a client in each language
 * calls every server and reports what its registry made of each error (type,
 * code, message, parameters, retry delay, the generated per-error check on the
 * error as received) and the ErrorInfo decoded from grpc-status-details-bin
 * with googleapis' own types (Go errdetails, Python google.rpc, Java
 * com.google.rpc). Every report must equal what the error model predicts.
 * Toolchains: the pinned ones .ci/toolchains installs into .cache/.
 */
import assert from "node:assert/strict";
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createHttp2Server, type Http2Server, type ServerHttp2Session } from "node:http2";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { create, createFileRegistry, type DescService, fromBinary } from "@bufbuild/protobuf";
import { FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError, type ConnectRouter, createClient, type Transport } from "@connectrpc/connect";
import { connectNodeAdapter, createConnectTransport, createGrpcTransport } from "@connectrpc/connect-node";
import { createErrorRegistry, ErrorInfoSchema, type GovernedErrorClass, RetryInfoSchema } from "@protogov/errors-runtime";
import { filesWithExtension, goEnv, javaClasspath, projectWithErrors, requireToolchain, venvPython } from "../errors/lang-support.js";
import { errorSet as ordersErrors } from "../golden/errors/proto-examples/acme/orders/v1/errors_errors.js";
import { errorSet as paymentsErrors } from "../golden/errors/proto-examples/acme/payments/v1/errors_errors.js";
import { errorSet as usersErrors } from "../golden/errors/proto-examples/acme/users/v1/errors_errors.js";
import { repoRoot } from "../support/paths.js";
import {
  expectedReport,
  type GovernedCase,
  goTable,
  type InteropCase,
  interopCases,
  javaTable,
  pythonTable,
  requestText,
} from "./cases.js";

const CASES = interopCases();
const REQUESTS = `${CASES.map(requestText).join("\n")}\n`;
const TS_CLASSES: readonly GovernedErrorClass[] = [...usersErrors, ...ordersErrors, ...paymentsErrors];
const registry = createErrorRegistry(usersErrors, ordersErrors, paymentsErrors);

/** The type name each language's client reports for a governed case. */
const TYPE_NAMES: Record<string, (c: GovernedCase) => string> = {
  ts: (c) => c.className,
  go: (c) => c.className,
  python: (c) => c.className,
  java: (c) => `${c.stem}Exception`,
};

const interopService: DescService = (() => {
  const out = join(mkdtempSync(join(tmpdir(), "protogov-interop-desc-")), "set.binpb");
  execFileSync("protoc", [
    `-I${join(repoRoot, "test", "interop", "proto")}`,
    "--include_imports",
    `-o${out}`,
    "protogov/interop/v1/interop.proto",
  ]);
  const service = createFileRegistry(fromBinary(FileDescriptorSetSchema, readFileSync(out))).getService("protogov.interop.v1.Interop");
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
function tsRoutes(router: ConnectRouter): void {
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
async function tsClient(transport: Transport): Promise<object[]> {
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

interface Language {
  name: string;
  /** Command of the server and the client, in the project built in before(). */
  server(): [string, string[], NodeJS.ProcessEnv?];
  client(addr: string): [string, string[], NodeJS.ProcessEnv?];
}

const tmp = mkdtempSync(join(tmpdir(), "protogov-interop-"));
const children: ChildProcess[] = [];
const http2Servers: Http2Server[] = [];
const sessions = new Set<ServerHttp2Session>();
const addresses = new Map<string, string>();

function startServer(name: string, [cmd, args, env]: [string, string[], NodeJS.ProcessEnv?]): Promise<string> {
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
function runClient(name: string, [cmd, args, env]: [string, string[], NodeJS.ProcessEnv?]): Promise<object[]> {
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

const go: Language = {
  name: "go",
  server: () => [join(tmp, "go", "interop"), ["server"], goEnv()],
  client: (addr) => [join(tmp, "go", "interop"), ["client", addr], goEnv()],
};
const python: Language = {
  name: "python",
  server: () => [venvPython, [join(tmp, "python", "interop.py"), "server"], pythonEnv()],
  client: (addr) => [venvPython, [join(tmp, "python", "interop.py"), "client", addr], pythonEnv()],
};
let classpath = "";
const java: Language = {
  name: "java",
  server: () => ["java", ["-cp", classpath, "Interop", "server"]],
  client: (addr) => ["java", ["-cp", classpath, "Interop", "client", addr]],
};

function pythonEnv(): NodeJS.ProcessEnv {
  return { ...process.env, PYTHONPATH: [join(tmp, "python", "gen"), join(tmp, "python")].join(":"), PYTHONUNBUFFERED: "1" };
}

function expected(lang: string): object[] {
  const typeName = TYPE_NAMES[lang];
  assert.ok(typeName);
  return CASES.map((c: InteropCase) => expectedReport(c, typeName));
}

/** Reports without keys whose value is undefined (the TS client's raw on a not-governed case). */
function normalized(reports: object[]): object[] {
  return JSON.parse(JSON.stringify(reports)) as object[];
}

describe("interop matrix: typed errors across TypeScript, Go, Python and Java", { timeout: 600_000 }, () => {
  before(async () => {
    requireToolchain(venvPython);
    // Go: generated packages + the dispatch table in the pinned module.
    const goDir = projectWithErrors("go", tmp);
    writeFileSync(join(goDir, "cases_gen.go"), goTable(CASES));
    execFileSync("go", ["build", "-o", "interop", "."], { cwd: goDir, env: goEnv(), stdio: ["ignore", "pipe", "pipe"] });
    // Python: generated modules + the dispatch table.
    const pyDir = projectWithErrors("python", tmp);
    writeFileSync(join(pyDir, "cases_gen.py"), pythonTable(CASES));
    // Java: generated classes + the dispatch table, compiled like the generated code is checked.
    const javaDir = projectWithErrors("java", tmp);
    writeFileSync(join(javaDir, "Cases.java"), javaTable(CASES));
    const deps = javaClasspath();
    const sources = [...filesWithExtension(join(javaDir, "gen"), ".java"), join(javaDir, "Interop.java"), join(javaDir, "Cases.java")];
    execFileSync("javac", ["-Xlint:all", "-Werror", "-cp", deps, "-d", join(javaDir, "classes"), ...sources], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    classpath = `${join(javaDir, "classes")}:${deps}`;

    const ts = createHttp2Server(connectNodeAdapter({ routes: tsRoutes }));
    // close() waits for open sessions (clients keep theirs): after() destroys them.
    ts.on("session", (session: ServerHttp2Session) => sessions.add(session));
    http2Servers.push(ts);
    await new Promise<void>((resolve) => ts.listen(0, "127.0.0.1", resolve));
    addresses.set("ts", `127.0.0.1:${(ts.address() as AddressInfo).port}`);
    for (const lang of [go, python, java]) addresses.set(lang.name, await startServer(lang.name, lang.server()));
  });

  after(async () => {
    for (const child of children) child.kill("SIGTERM");
    const closed = Promise.all(http2Servers.map((s) => new Promise((resolve) => s.close(resolve))));
    for (const session of sessions) session.destroy();
    await closed;
    rmSync(tmp, { recursive: true, force: true });
  });

  for (const server of ["ts", "go", "python", "java"]) {
    it(`TypeScript client (gRPC) <- ${server} server`, async () => {
      const addr = addresses.get(server) ?? "";
      const reports = await tsClient(createGrpcTransport({ baseUrl: `http://${addr}` }));
      assert.deepEqual(normalized(reports), expected("ts"));
    });
    for (const client of [go, python, java]) {
      it(`${client.name} client <- ${server} server`, async () => {
        const reports = await runClient(client.name, client.client(addresses.get(server) ?? ""));
        assert.deepEqual(normalized(reports), expected(client.name));
      });
    }
  }

  it("TypeScript client (Connect protocol) <- TypeScript server", async () => {
    const reports = await tsClient(createConnectTransport({ baseUrl: `http://${addresses.get("ts")}`, httpVersion: "2" }));
    assert.deepEqual(normalized(reports), expected("ts"));
  });
});

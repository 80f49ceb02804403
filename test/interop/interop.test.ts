/**
 * The interop matrix: servers in TypeScript (connect-node, gRPC and Connect
 * protocols), Go (grpc-go, and connect-go over gRPC), Python (grpcio) and
 * Java (grpc-java) raise every governed error of proto-examples through their
 * generated code, plus a plain status, a wrong domain and an unknown reason;
 * a client in each language calls every server and reports what its registry
 * made of each error (type, code, message, parameters, retry delay, the
 * generated per-error check on the error as received) and the ErrorInfo
 * decoded from the wire with googleapis' own types (Go errdetails, Python
 * google.rpc, Java com.google.rpc). Every report must equal what the error
 * model predicts. The Connect protocol between connect-go and connect-node:
 * connect-go.test.ts.
 * Toolchains: the pinned ones .ci/toolchains installs into .cache/.
 */
import assert from "node:assert/strict";
import { type ChildProcess, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { createConnectTransport, createGrpcTransport } from "@connectrpc/connect-node";
import { filesWithExtension, goEnv, javaClasspath, projectWithErrors, requireToolchain, venvPython } from "../errors/lang-support.js";
import { type GovernedCase, goTable, javaTable, pythonTable } from "./cases.js";
import { CASES, type Command, expected, normalized, runClient, startServer, startTsServer, tsClient } from "./harness.js";

/** The type name each language's client reports for a governed case. */
const TYPE_NAMES: Record<string, (c: GovernedCase) => string> = {
  ts: (c) => c.className,
  go: (c) => c.className,
  "connect-go": (c) => c.className,
  python: (c) => c.className,
  java: (c) => `${c.stem}Exception`,
};

interface Language {
  name: string;
  /** Command of the server and the client, in the project built in before(). */
  server(): Command;
  client(addr: string): Command;
}

const tmp = mkdtempSync(join(tmpdir(), "protogov-interop-"));
const children: ChildProcess[] = [];
const addresses = new Map<string, string>();
let tsServer: Awaited<ReturnType<typeof startTsServer>> | undefined;

const go: Language = {
  name: "go",
  server: () => [join(tmp, "go", "interop"), ["server"], goEnv()],
  client: (addr) => [join(tmp, "go", "interop"), ["client", addr], goEnv()],
};
/** connect-go over the gRPC protocol (the Connect protocol: connect-go.test.ts): the same program, the same generated code. */
const connectGo: Language = {
  name: "connect-go",
  server: () => [join(tmp, "go", "interop"), ["connect-server", "as-is"], goEnv()],
  client: (addr) => [join(tmp, "go", "interop"), ["connect-client", `http://${addr}`, "grpc"], goEnv()],
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

function expectedFor(lang: string): object[] {
  const typeName = TYPE_NAMES[lang];
  assert.ok(typeName);
  return expected(typeName);
}

describe("interop matrix: typed errors across TypeScript, Go (grpc-go, connect-go), Python and Java", { timeout: 600_000 }, () => {
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

    tsServer = await startTsServer();
    addresses.set("ts", tsServer.address);
    for (const lang of [go, connectGo, python, java]) addresses.set(lang.name, await startServer(lang.name, lang.server(), children));
  });

  after(async () => {
    for (const child of children) child.kill("SIGTERM");
    await tsServer?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  for (const server of ["ts", "go", "connect-go", "python", "java"]) {
    it(`TypeScript client (gRPC) <- ${server} server`, async () => {
      const addr = addresses.get(server) ?? "";
      const reports = await tsClient(createGrpcTransport({ baseUrl: `http://${addr}` }));
      assert.deepEqual(normalized(reports), expectedFor("ts"));
    });
    for (const client of [go, connectGo, python, java]) {
      it(`${client.name} client <- ${server} server`, async () => {
        const reports = await runClient(client.name, client.client(addresses.get(server) ?? ""));
        assert.deepEqual(normalized(reports), expectedFor(client.name));
      });
    }
  }

  it("TypeScript client (Connect protocol) <- TypeScript server", async () => {
    const reports = await tsClient(createConnectTransport({ baseUrl: `http://${addresses.get("ts")}`, httpVersion: "2" }));
    assert.deepEqual(normalized(reports), expectedFor("ts"));
  });
});

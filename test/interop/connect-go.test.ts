/**
 * connect-go next to the interop matrix: the Go program of test/interop/go,
 * built with the errors generated with connect=true, serves the Connect
 * protocol (net/http, HTTP/1.1 and h2c) twice: handlers that return the typed
 * error as is (connect-go finds the *connect.Error through its As method) and
 * handlers that return NewConnectError(err). A connect-go client (h2c) and the
 * TypeScript client (connect-node's createConnectTransport over HTTP/2 and
 * HTTP/1.1) call both and must report every governed error typed, exactly as
 * the error model predicts (type, code, message, parameters, retry delay, the
 * per-error check on the error as received, the raw ErrorInfo); the
 * connect-go client also calls the TypeScript connect-node server.
 */
import assert from "node:assert/strict";
import { type ChildProcess, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { createConnectTransport } from "@connectrpc/connect-node";
import { goEnv, projectWithErrors } from "../errors/lang-support.js";
import { goTable } from "./cases.js";
import { CASES, expected, normalized, runClient, startServer, startTsServer, tsClient } from "./harness.js";

/** Go and TypeScript both report the generated class name. */
const EXPECTED = expected((c) => c.className);
const MODES = ["as-is", "explicit"] as const;

describe("interop over the Connect protocol: connect-go servers and clients", { timeout: 300_000 }, () => {
  const tmp = mkdtempSync(join(tmpdir(), "protogov-connect-go-"));
  const children: ChildProcess[] = [];
  const urls = new Map<string, string>();
  let binary = "";
  let tsServer: Awaited<ReturnType<typeof startTsServer>> | undefined;

  before(async () => {
    const goDir = projectWithErrors("go", tmp);
    writeFileSync(join(goDir, "cases_gen.go"), goTable(CASES));
    execFileSync("go", ["build", "-o", "interop", "."], { cwd: goDir, env: goEnv(), stdio: ["ignore", "pipe", "pipe"] });
    binary = join(goDir, "interop");
    for (const mode of MODES) {
      urls.set(mode, `http://${await startServer(`connect-go (${mode})`, [binary, ["connect-server", mode], goEnv()], children)}`);
    }
    tsServer = await startTsServer();
  });

  after(async () => {
    for (const child of children) child.kill("SIGTERM");
    await tsServer?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  for (const mode of MODES) {
    it(`connect-go client <- connect-go server (handlers return ${mode === "as-is" ? "the typed error" : "NewConnectError(err)"})`, async () => {
      const reports = await runClient("connect-go", [binary, ["connect-client", urls.get(mode) ?? ""], goEnv()]);
      assert.deepEqual(normalized(reports), EXPECTED);
    });
    for (const httpVersion of ["2", "1.1"] as const) {
      it(`TypeScript client (Connect protocol, HTTP/${httpVersion}) <- connect-go server (${mode})`, async () => {
        const reports = await tsClient(createConnectTransport({ baseUrl: urls.get(mode) ?? "", httpVersion }));
        assert.deepEqual(normalized(reports), EXPECTED);
      });
    }
  }

  it("connect-go client <- TypeScript connect-node server (Connect protocol, h2c)", async () => {
    const reports = await runClient("connect-go", [binary, ["connect-client", `http://${tsServer?.address ?? ""}`], goEnv()]);
    assert.deepEqual(normalized(reports), EXPECTED);
  });
});

/**
 * connect-go next to the interop matrix: the Go program of test/interop/go,
 * built with the errors generated with connect=true, serves the Connect
 * protocol (net/http, HTTP/1.1 and h2c) three times: handlers that return the
 * typed error as is (connect-go finds the *connect.Error through its As
 * method), wrapped by fmt.Errorf, and NewConnectError(err) with a
 * LocalizedMessage added
 * (details must arrive in the contract's order). A connect-go client (h2c) and the
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
import { ConnectError, createClient } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-node";
import { LocalizedMessageSchema } from "@protogov/errors-runtime";
import { goEnv, projectWithErrors } from "../errors/lang-support.js";
import { goTable, requestText } from "./cases.js";
import { CASES, expected, interopService, normalized, runClient, startServer, startTsServer, tsClient } from "./harness.js";

/** Go and TypeScript both report the generated class name. */
const EXPECTED = expected((c) => c.className);
/** How the connect-go handlers return a governed error: see test/interop/go/connect.go. */
const MODES = ["as-is", "wrapped", "explicit"] as const;
const HANDLERS: Record<(typeof MODES)[number], string> = {
  "as-is": "the typed error",
  wrapped: 'fmt.Errorf("...: %w", err)',
  explicit: "NewConnectError(err) + a LocalizedMessage",
};

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
    it(`connect-go client <- connect-go server (handlers return ${HANDLERS[mode]})`, async () => {
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

  it("sends ErrorInfo first, RetryInfo when retryable, then the LocalizedMessage a caller of NewConnectError added", async () => {
    for (const mode of MODES) {
      const transport = createConnectTransport({ baseUrl: urls.get(mode) ?? "", httpVersion: "2" });
      const client = createClient(interopService, transport) as unknown as { raise(req: { value: string }): Promise<unknown> };
      for (const c of CASES) {
        if (c.kind !== "governed") continue;
        const received = await client.raise({ value: requestText(c) }).then(
          () => undefined,
          (e: unknown) => e,
        );
        assert.ok(received instanceof ConnectError, `${c.protoName}: the call succeeded`);
        const types = received.details.map((d) => ("type" in d ? d.type : d.desc.typeName));
        const want = [
          "google.rpc.ErrorInfo",
          ...(c.retryDelayMs > 0 ? ["google.rpc.RetryInfo"] : []),
          ...(mode === "explicit" ? ["google.rpc.LocalizedMessage"] : []),
        ];
        assert.deepEqual(types, want, `${mode}: ${c.protoName}`);
        const localized = received.findDetails(LocalizedMessageSchema).map((m) => ({ locale: m.locale, message: m.message }));
        assert.deepEqual(localized, mode === "explicit" ? [{ locale: "fr-FR", message: `traduit : ${c.message}` }] : []);
      }
    }
  });

  it("connect-go client <- TypeScript connect-node server (Connect protocol, h2c)", async () => {
    const reports = await runClient("connect-go", [binary, ["connect-client", `http://${tsServer?.address ?? ""}`], goEnv()]);
    assert.deepEqual(normalized(reports), EXPECTED);
  });
});

/**
 * `buf lsp serve` (what editors run) with `buf-plugin-protogov` in buf.yaml:
 * an editor opens a proto with a governance violation and receives
 * protogov's finding as a diagnostic. Spoken over stdio as an editor does
 * (LSP base protocol: Content-Length framed JSON-RPC).
 */
import assert from "node:assert/strict";
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { it } from "node:test";
import { pathToFileURL } from "node:url";
import { bufBinary } from "../../core/engines/buf/buf.js";
import { errorsModule, pluginEnv } from "./plugin-project.js";

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
}

interface Diagnostic {
  message: string;
  code?: string;
  source?: string;
  range: { start: { line: number } };
}

class LspClient {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly waiters: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];
  readonly seen: Message[] = [];

  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on("data", (chunk: Buffer) => this.receive(chunk));
  }

  request(method: string, params: unknown): Promise<Message> {
    const id = this.nextId++;
    this.send({ jsonrpc: "2.0", id, method, params });
    return this.waitFor((m) => m.id === id && m.method === undefined);
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: "2.0", method, params });
  }

  waitFor(match: (m: Message) => boolean): Promise<Message> {
    const already = this.seen.find(match);
    if (already) return Promise.resolve(already);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify(message), "utf8");
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString("utf8"))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString("utf8")) as Message;
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.seen.push(message);
      for (const w of [...this.waiters]) {
        if (w.match(message)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(message);
        }
      }
    }
  }
}

it("buf lsp serve publishes protogov's finding as a diagnostic of the opened file", { timeout: 90_000 }, async (t) => {
  const env = pluginEnv(t);
  const project = errorsModule(
    t,
    `version: v2\nlint:\n  use: [PROTOGOV]\nplugins:\n  - plugin: buf-plugin-protogov\n    options:\n      error_ranges: ["shop.acme.example=1000-1999"]\n`,
  );
  const child = spawn(bufBinary(), ["lsp", "serve"], { cwd: project.dir, env });
  t.after(() => {
    if (child.exitCode === null) child.kill("SIGKILL");
  });
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => {
    stderr += c.toString("utf8");
  });
  const client = new LspClient(child);
  const rootUri = pathToFileURL(project.dir).href;
  const init = await client.request("initialize", {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: "module" }],
    capabilities: { textDocument: { publishDiagnostics: {} } },
  });
  assert.ok(init.result, stderr);
  client.notify("initialized", {});
  const file = "acme/shop/v1/errors.proto";
  const uri = pathToFileURL(project.path(file)).href;
  client.notify("textDocument/didOpen", { textDocument: { uri, languageId: "protobuf", version: 1, text: project.read(file) } });
  const published = await client.waitFor((m) => {
    if (m.method !== "textDocument/publishDiagnostics") return false;
    const p = m.params as { uri: string; diagnostics: Diagnostic[] };
    return p.uri === uri && p.diagnostics.some((d) => d.message.includes("outside the range"));
  });
  const diagnostics = (published.params as { diagnostics: Diagnostic[] }).diagnostics;
  const ours = diagnostics.find((d) => d.message.includes("outside the range"));
  assert.ok(ours, JSON.stringify(diagnostics));
  assert.match(ours.message, /error number 2500 of SHOP_ERROR_MOVED is outside the range 1000-1999/);
  assert.equal(ours.range.start.line, 17); // 0-based: line 18 of the file
  assert.match(`${ours.code ?? ""} ${ours.source ?? ""} ${ours.message}`, /ERROR_NUMBER_RANGE|buf-plugin-protogov/);
  await client.request("shutdown", null);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  client.notify("exit", null);
  child.stdin.end();
  await exited;
});

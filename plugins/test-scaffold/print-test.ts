/**
 * Prints `<service_snake>.test.ts` for one service: a setup block that serves
 * the implementation in memory (Connect's createRouterTransport, the
 * counterpart of gRPC-Go's bufconn) and builds a typed client and the error
 * registry of the package's catalog, then one block per RPC holding a table
 * of cases and a loop that runs them with the support module's runner for
 * the RPC's streaming kind.
 *
 * Only the setup block imports anything: every RPC block refers to the
 * service descriptor (`UserService.method.getUser`), the client, the registry
 * and the `scaffold` namespace. A block added for a new RPC therefore needs
 * no new import, even when the user edited (and so owns) the setup block.
 */
import type { DescMethod, DescService } from "@bufbuild/protobuf";
import type { Printable } from "@bufbuild/protoplugin";
import type { GeneratedFile, Schema } from "../protoplugin.js";
import { getComments } from "../protoplugin.js";
import { beginMarker, endMarker } from "./blocks.js";
import { type CatalogError, packageCatalog, suggestedError } from "./catalog.js";
import { minimalRequest } from "./minimal-request.js";
import { fillPattern, KINDS, placeholderFileName, relativeImport, SUPPORT_FILE, testFileName } from "./names.js";

export interface TestsPluginOptions {
  runner: string;
  impl_import: string;
  impl_export: string;
  runtime_import: string;
}

export function printTestFile(schema: Schema<TestsPluginOptions>, service: DescService, importExtension: string): void {
  const opts = schema.options;
  const name = testFileName(service);
  const f = schema.generateFile(name);
  f.preamble(service.file);
  const catalog = packageCatalog(service, schema.allFiles);
  const svc = f.importSchema(service);
  const implFrom =
    opts.impl_import === "" ? `./${placeholderFileName(service).replace(/\.ts$/, ".js")}` : fillPattern(opts.impl_import, service);
  const impl = f.import(fillPattern(opts.impl_export, service), implFrom);
  const runner = opts.runner === "vitest" ? "vitest" : "node:test";

  f.print(beginMarker("setup"));
  f.print(`import * as scaffold from "${relativeImport(name, SUPPORT_FILE, importExtension)}";`);
  f.print();
  f.print("// Tests of ", service.typeName, " scaffolded by protoc-gen-protogov-tests. Edit freely: add cases,");
  f.print("// uncomment `want` / `wantError`. `protogov scaffold` keeps every block you change (its hash no");
  f.print("// longer matches) and only adds blocks for new RPCs.");
  f.print(
    f.jsDoc(
      `The error catalog of package ${service.file.proto.package}: a call passes when it answers its declared response or one of these.`,
    ),
  );
  f.print("const registry = ", f.import("createErrorRegistry", opts.runtime_import), "(", ...catalogList(f, catalog), ");");
  f.print(f.jsDoc(`${service.name} served in memory from ${fillPattern(opts.impl_export, service)}; no network.`));
  f.print("const transport = ", f.import("createRouterTransport", "@connectrpc/connect"), "((router) => {");
  f.print("  router.service(", svc, ", ", impl, ");");
  f.print("});");
  f.print("const client = ", f.import("createClient", "@connectrpc/connect"), "(", svc, ", transport);");
  f.print(endMarker("setup"));
  for (const method of service.methods) {
    f.print();
    printMethodBlock(f, { svc, describe: f.import("describe", runner), it: f.import("it", runner) }, method, catalog);
  }
}

function catalogList(f: GeneratedFile, catalog: readonly CatalogError[]): Printable[] {
  if (catalog.length === 0) return [];
  const items: Printable[] = ["["];
  catalog.forEach((e, i) => {
    items.push(f.import(e.className, e.from));
    if (i < catalog.length - 1) items.push(", ");
  });
  items.push("]");
  return items;
}

type Sym = Printable;

/** Symbols an RPC block uses; all of them are imported by every test file (a service has at least one RPC). */
interface Shared {
  svc: Sym;
  describe: Sym;
  it: Sym;
}

function printMethodBlock(f: GeneratedFile, shared: Shared, method: DescMethod, catalog: readonly CatalogError[]): void {
  const { svc } = shared;
  const kind = KINDS[method.methodKind];
  const streamingIn = method.methodKind === "client_streaming" || method.methodKind === "bidi_streaming";
  const streamingOut = method.methodKind === "server_streaming" || method.methodKind === "bidi_streaming";
  const desc = [svc, ".method.", method.localName] as const;
  const suggestion = suggestedError(method, catalog);
  const summary = firstSentence(getComments(method).leading);

  f.print(beginMarker(method.name));
  f.print(f.jsDoc(`${method.name} (${kind.label})${summary ? `: ${summary}` : ""}`));
  f.print(shared.describe, `("${method.parent.name}.${method.name}", () => {`);
  f.print("  const cases: scaffold.", kind.caseType, "<typeof ", ...desc, ">[] = [");
  f.print("    {");
  f.print(`      name: "answers a minimal valid request",`);
  const request = minimalRequest(method.input);
  f.print(streamingIn ? `      requests: [${request}],` : `      request: ${request},`);
  f.print(
    `      // want: ${streamingOut ? "[{}]" : "{}"}, // the expected ${method.output.name}${streamingOut ? "s, in order" : ""}; without it any ${method.output.name} passes`,
  );
  f.print(
    suggestion
      ? `      // wantError: ${suggestion.className}, // expect this error of the catalog instead of a response`
      : `      // wantError: SomeError, // a class generated by protoc-gen-protogov-errors (package ${method.parent.file.proto.package} has none yet)`,
  );
  f.print("    },");
  f.print("  ];");
  f.print("  for (const c of cases) {");
  const arg = streamingIn ? "requests" : "request";
  f.print(
    "    ",
    shared.it,
    "(c.name, () => scaffold.",
    kind.run,
    "(",
    ...desc,
    `, registry, c, (${arg}) => client.${method.localName}(${arg})));`,
  );
  f.print("  }");
  f.print("});");
  f.print(endMarker(method.name));
}

function firstSentence(comment: string | undefined): string {
  const text = (comment ?? "").replace(/\s+/g, " ").trim();
  const end = text.search(/\.(\s|$)/);
  return end < 0 ? text : text.slice(0, end + 1);
}

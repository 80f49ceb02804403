/**
 * Prints `<service_snake>.impl.ts`, the placeholder implementation the tests
 * run against until the user points `impl_import` at the real one (or edits
 * this file, which `protogov scaffold` then keeps). Every RPC answers with an
 * empty response of its declared type, so each generated test passes against
 * it out of the box:
 * - unary: one empty response;
 * - server streaming: one empty response, then the stream ends;
 * - client streaming: reads the whole request stream, then one empty response;
 * - bidi streaming: one empty response per request.
 *
 * Like the tests, RPC blocks only use `create` and the service descriptor,
 * which the setup block always imports, and the object literal is closed by a
 * block of its own, so new RPCs are inserted inside it.
 */
import type { DescMethod, DescService } from "@bufbuild/protobuf";
import type { Printable } from "@bufbuild/protoplugin";
import type { GeneratedFile, Schema } from "../protoplugin.js";
import { beginMarker, endMarker } from "./blocks.js";
import { fillPattern, placeholderFileName } from "./names.js";
import type { TestsPluginOptions } from "./print-test.js";

export function printPlaceholderFile(schema: Schema<TestsPluginOptions>, service: DescService): void {
  const f = schema.generateFile(placeholderFileName(service));
  f.preamble(service.file);
  const svc = f.importSchema(service);
  const create = f.import("create", "@bufbuild/protobuf");
  const exportName = fillPattern(schema.options.impl_export, service);

  f.print(beginMarker("setup"));
  f.print(
    f.jsDoc(
      `Placeholder implementation of ${service.typeName} for the scaffolded tests: every RPC answers an empty\n` +
        `response. Replace it with your implementation, or set the plugin option impl_import to a module\n` +
        `exporting ${exportName}; \`protogov scaffold\` keeps this file's blocks once you edit them.`,
    ),
  );
  f.print(f.export("const", exportName), ": ", f.import("ServiceImpl", "@connectrpc/connect", true), "<typeof ", svc, "> = {");
  f.print(endMarker("setup"));
  for (const method of service.methods) {
    printMethod(f, svc, create, method);
  }
  f.print(beginMarker("end"));
  f.print("};");
  f.print(endMarker("end"));
}

type Sym = Printable;

function printMethod(f: GeneratedFile, svc: Sym, create: Sym, method: DescMethod): void {
  const empty = [create, "(", svc, ".method.", method.localName, ".output)"] as const;
  const name = method.localName;
  f.print(beginMarker(method.name, "  "));
  switch (method.methodKind) {
    case "unary":
      f.print(`  async ${name}() {`);
      f.print("    return ", ...empty, ";");
      break;
    case "server_streaming":
      f.print(`  async *${name}() {`);
      f.print("    yield ", ...empty, ";");
      break;
    case "client_streaming":
      f.print(`  async ${name}(requests) {`);
      f.print("    for await (const request of requests) void request;");
      f.print("    return ", ...empty, ";");
      break;
    case "bidi_streaming":
      f.print(`  async *${name}(requests) {`);
      f.print("    for await (const request of requests) {");
      f.print("      void request;");
      f.print("      yield ", ...empty, ";");
      f.print("    }");
      break;
  }
  f.print("  },");
  f.print(endMarker(method.name, "  "));
}

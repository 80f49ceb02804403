/**
 * Where the scaffold files go and what they are called, derived from a
 * service: one test file and (by default) one placeholder implementation per
 * service, next to protoc-gen-es's `_pb` file of the proto that declares it,
 * plus one shared support module at the output root.
 *
 * The `impl_import` and `impl_export` options are patterns with these
 * placeholders (anything else in braces is rejected with this list):
 */
import type { DescMethod, DescService } from "@bufbuild/protobuf";

export const PLACEHOLDERS = {
  "{service}": "the service name, e.g. UserService",
  "{service_camel}": "the service name in lowerCamelCase, e.g. userService",
  "{service_snake}": "the service name in snake_case, e.g. user_service",
  "{file}": "the proto file path without .proto, e.g. acme/users/v1/users",
} as const;

/** The shared assertions module, at the output root. */
export const SUPPORT_FILE = "protogov_test_support.ts";

export function serviceSnake(service: DescService): string {
  return service.name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
}

export function serviceCamel(service: DescService): string {
  return service.name.charAt(0).toLowerCase() + service.name.slice(1);
}

function dirOf(service: DescService): string {
  const name = service.file.name;
  const slash = name.lastIndexOf("/");
  return slash < 0 ? "" : `${name.slice(0, slash + 1)}`;
}

export function testFileName(service: DescService): string {
  return `${dirOf(service)}${serviceSnake(service)}.test.ts`;
}

export function placeholderFileName(service: DescService): string {
  return `${dirOf(service)}${serviceSnake(service)}.impl.ts`;
}

/** Fills a pattern's placeholders for a service. */
export function fillPattern(pattern: string, service: DescService): string {
  return pattern
    .replaceAll("{service}", service.name)
    .replaceAll("{service_camel}", serviceCamel(service))
    .replaceAll("{service_snake}", serviceSnake(service))
    .replaceAll("{file}", service.file.name);
}

/** Option check: every `{...}` must be a known placeholder. */
export function checkPattern(pattern: string): string | undefined {
  const unknown = [...pattern.matchAll(/\{[^}]*\}/g)].map((m) => m[0]).filter((p) => !(p in PLACEHOLDERS));
  if (unknown.length === 0) return undefined;
  return `unknown placeholder ${unknown.join(", ")}; valid: ${Object.keys(PLACEHOLDERS).join(", ")}`;
}

/** Option check for the export name: after filling, it must be an identifier. */
export function checkExportPattern(pattern: string): string | undefined {
  const why = checkPattern(pattern);
  if (why) return why;
  const sample = pattern.replace(/\{[^}]*\}/g, "X");
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(sample) ? undefined : "must be a JavaScript identifier once filled in";
}

/** The test-support helper and case type for each streaming kind. */
export const KINDS: Record<DescMethod["methodKind"], { run: string; caseType: string; label: string }> = {
  unary: { run: "runUnary", caseType: "UnaryCase", label: "unary" },
  server_streaming: { run: "runServerStreaming", caseType: "ServerStreamingCase", label: "server streaming" },
  client_streaming: { run: "runClientStreaming", caseType: "ClientStreamingCase", label: "client streaming" },
  bidi_streaming: { run: "runBidiStreaming", caseType: "BidiStreamingCase", label: "bidi streaming" },
};

/**
 * A relative module specifier from one generated file to another (both paths
 * relative to the output root), with protoplugin's `import_extension` applied.
 */
export function relativeImport(fromFile: string, toFile: string, importExtension: string): string {
  const from = fromFile.split("/").slice(0, -1);
  const to = toFile.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const path = [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
  const withDot = path.startsWith("../") ? path : `./${path}`;
  const ext = importExtension.replace(/^\./, "");
  return withDot.replace(/\.ts$/, ext === "none" ? "" : `.${ext}`);
}

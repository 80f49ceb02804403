/**
 * How each plugin name of a target is run: protogov's own plugins and
 * protoc-gen-es in-process, protoc's built-in generators through the system
 * protoc, anything else as a `protoc-gen-NAME` executable on PATH.
 */

/** Plugins run in-process on the compiled image. */
export const IN_PROCESS_PLUGINS = ["es", "errors", "docs", "tests"] as const;
export type InProcessName = (typeof IN_PROCESS_PLUGINS)[number];

/** Generators compiled into protoc (`--NAME_out`). */
export const PROTOC_BUILTINS: ReadonlySet<string> = new Set(["java", "kotlin", "python", "pyi", "php", "ruby", "csharp", "cpp", "objc"]);

export type PluginKind =
  | { kind: "in-process"; name: InProcessName }
  | { kind: "protoc"; name: string }
  | { kind: "executable"; name: string };

export function pluginKind(name: string): PluginKind {
  if ((IN_PROCESS_PLUGINS as readonly string[]).includes(name)) return { kind: "in-process", name: name as InProcessName };
  if (PROTOC_BUILTINS.has(name)) return { kind: "protoc", name };
  return { kind: "executable", name };
}

/**
 * Whether a plugin must also generate the non-well-known imports of the
 * project (protogov's own errors.proto, vendored googleapis): code generators
 * reference the imported files' code, so the package would not compile
 * without them. Docs, errors and test scaffolds are about the project only.
 */
export function generatesImports(name: string): boolean {
  return !(name === "errors" || name === "docs" || name === "tests");
}

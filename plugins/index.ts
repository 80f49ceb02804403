/**
 * The protoc plugins protogov runs in-process, in one registry: `generate`
 * (a target's `plugins`), `docs` and `scaffold` find them here, by the name a
 * target uses. Adding a plugin is its folder (`plugin.ts` with the pure `run`,
 * `bin.ts` for protoc and buf) plus one entry below; its `bin` also goes into
 * package.json, which a test holds against this list.
 *
 * Each entry loads its plugin on first use, so naming one plugin does not load
 * the others (the docs plugin brings Handlebars and marked).
 */
import { createRequire } from "node:module";
import type { CodeGeneratorRequest, CodeGeneratorResponse } from "@bufbuild/protobuf/wkt";

export interface InProcessPlugin {
  name: string;
  run(request: CodeGeneratorRequest): CodeGeneratorResponse;
}

export interface PluginEntry {
  /** The name a target lists (`- name: errors`). */
  name: string;
  /** The executable protoc and buf run (`protoc-gen-NAME`); package.json `bin` lists ours. */
  bin: string;
  /** Shipped by protogov (its bin is in this package), or a dependency protogov runs in-process. */
  shipped: boolean;
  /** Options a target gets unless it sets them. */
  defaultOptions: Readonly<Record<string, string>>;
  /**
   * Whether the plugin also generates the project's non-well-known imports
   * (protogov's own errors.proto, vendored googleapis): code generators
   * reference the imported files' code, so a package would not compile
   * without them. Docs, errors and test scaffolds are about the project only.
   */
  generatesImports: boolean;
  load(): Promise<InProcessPlugin>;
}

export const PLUGINS: readonly PluginEntry[] = [
  {
    name: "es",
    bin: "protoc-gen-es",
    shipped: false,
    defaultOptions: { target: "ts", import_extension: "js" },
    generatesImports: true,
    load: async () => protocGenEs(),
  },
  {
    name: "errors",
    bin: "protoc-gen-protogov-errors",
    shipped: true,
    defaultOptions: { target: "ts", import_extension: "js" },
    generatesImports: false,
    load: async () => (await import("./errors/plugin.js")).errorsPlugin,
  },
  {
    name: "docs",
    bin: "protoc-gen-protogov-docs",
    shipped: true,
    defaultOptions: { format: "html" },
    generatesImports: false,
    load: async () => {
      const [{ createDocsPlugin }, { loadBuiltinTemplates, readTemplateDir }] = await Promise.all([
        import("./docs/plugin.js"),
        import("./docs/templates.js"),
      ]);
      return createDocsPlugin({ templates: loadBuiltinTemplates(), loadTemplateDir: readTemplateDir });
    },
  },
  {
    name: "tests",
    bin: "protoc-gen-protogov-tests",
    shipped: true,
    defaultOptions: {},
    generatesImports: false,
    load: async () => (await import("./test-scaffold/plugin.js")).testsPlugin,
  },
];

export function findPlugin(name: string): PluginEntry | undefined {
  return PLUGINS.find((p) => p.name === name);
}

/** protoc-gen-es's plugin object (CommonJS, no exports map): the same code its bin runs. */
function protocGenEs(): InProcessPlugin {
  const require = createRequire(import.meta.url);
  return (require("@bufbuild/protoc-gen-es/dist/cjs/src/protoc-gen-es-plugin.js") as { protocGenEs: InProcessPlugin }).protocGenEs;
}

/** A registry plugin by name, for protogov's own features (an unknown name is a bug, not user input). */
export async function loadPlugin(name: string): Promise<InProcessPlugin> {
  const entry = findPlugin(name);
  if (!entry) throw new Error(`no plugin "${name}" in plugins/index.ts`);
  return entry.load();
}

/**
 * Compiles generated TypeScript to ES modules plus declarations with the
 * TypeScript compiler API, strict, against the runtime packages installed
 * next to protogov (linked into a private node_modules of a temporary
 * directory, so type errors in generated code fail the build here, not in a
 * consumer's project). Those packages' exact versions are what the generated
 * package.json pins, so consumers run the code against what it was checked
 * against.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type * as TS from "typescript";
import { ToolError } from "../../model/errors.js";
import { removeTemp, tempDir } from "../../model/fs/lifecycle.js";
import { type FileMap, walk } from "./run-plugins.js";

/** TypeScript as @bufbuild/protoplugin depends on it (always installed with protogov). */
function typescript(): typeof TS {
  const require = createRequire(import.meta.url);
  const viaProtoplugin = createRequire(require.resolve("@bufbuild/protoplugin"));
  return viaProtoplugin("typescript") as typeof TS;
}

/** `sources`: .ts files by relative path. Returns `.js` and `.d.ts` files by the same relative paths. */
export function compileTypeScript(sources: FileMap): FileMap {
  const ts = typescript();
  const dir = tempDir("protogov-tsc-");
  try {
    const src = join(dir, "src");
    for (const [name, content] of sources) {
      mkdirSync(dirname(join(src, name)), { recursive: true });
      writeFileSync(join(src, name), content);
    }
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
    for (const name of RUNTIME_PACKAGES) {
      const link = join(dir, "node_modules", name);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(installedPackage(name).dir, link, "dir");
    }
    const outDir = join(dir, "out");
    const options: TS.CompilerOptions = {
      target: ts.ScriptTarget.ES2020,
      // Without DOM: parsing lib.dom.d.ts was a third of the build; the runtime packages' own
      // references to fetch/Headers are in their .d.ts files, which skipLibCheck leaves alone.
      lib: ["lib.es2020.d.ts"],
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      declaration: true,
      strict: true,
      skipLibCheck: true,
      rootDir: src,
      outDir,
      newLine: ts.NewLineKind.LineFeed,
      types: [],
    };
    const program = ts.createProgram(
      [...sources.keys()].map((n) => join(src, n)),
      options,
    );
    const emitted = program.emit();
    const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
    if (diagnostics.length > 0) {
      const text = ts.formatDiagnostics(diagnostics.slice(0, 5), {
        getCanonicalFileName: (f) => f,
        getCurrentDirectory: () => dir,
        getNewLine: () => "\n",
      });
      throw new ToolError(
        `the generated TypeScript does not compile (${diagnostics.length} error(s)):\n${text.replaceAll(`${src}/`, "")}`,
        {
          hint: "check the es/errors plugin options of the target (target=ts is expected); please report it if they are the defaults",
        },
      );
    }
    const files: FileMap = new Map();
    for (const path of walk(outDir)) files.set(relative(outDir, path).split("\\").join("/"), readFileSync(path));
    return files;
  } finally {
    removeTemp(dir);
  }
}

export const RUNTIME_PACKAGES = ["@bufbuild/protobuf", "@connectrpc/connect", "@protogov/errors-runtime"] as const;
export type RuntimePackage = (typeof RUNTIME_PACKAGES)[number];

export interface InstalledPackage {
  name: string;
  version: string;
  /** Directory holding its package.json (a real path). */
  dir: string;
}

const cache = new Map<string, InstalledPackage>();

export function installedPackage(name: RuntimePackage): InstalledPackage {
  const known = cache.get(name);
  if (known) return known;
  let entry: string;
  try {
    // ESM resolution first (@protogov/errors-runtime only exports an "import" condition).
    entry = fileURLToPath(import.meta.resolve(name));
  } catch (e) {
    throw new ToolError(`${name} is not installed next to protogov`, { hint: "reinstall protogov (npm ci)", cause: e });
  }
  // Walk up from the entry point to the package's own package.json (exports maps may hide it).
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (pkg.name !== name || !pkg.version) continue;
    const found = { name, version: pkg.version, dir };
    cache.set(name, found);
    return found;
  }
  throw new ToolError(`cannot find the package.json of ${name} (resolved to ${entry})`);
}

/**
 * Runs one plugin of a target on the compiled image and returns its files:
 * protogov's plugins and protoc-gen-es in-process (the same pure `run` protoc
 * would call), protoc's built-in generators through the system protoc fed the
 * image (`--descriptor_set_in`, no second parse), and any other name as a
 * `protoc-gen-NAME` executable on PATH speaking the plugin protocol.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { delimiter, join, relative } from "node:path";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import {
  type CodeGeneratorRequest,
  CodeGeneratorRequestSchema,
  type CodeGeneratorResponse,
  CodeGeneratorResponseSchema,
  type FileDescriptorSet,
  FileDescriptorSetSchema,
} from "@bufbuild/protobuf/wkt";
import { findPlugin, type InProcessPlugin, PLUGINS, type PluginEntry } from "../../../plugins/index.js";
import { PROTOC_BUILTINS } from "../../model/config/protoc-builtins.js";
import type { TargetPlugin } from "../../model/config/target-config.js";
import { InputError, ToolError } from "../../model/errors.js";
import { childEnv, removeTemp, tempDir, trackChild } from "../../model/fs/lifecycle.js";
import type { Project } from "../../model/project/project.js";

/** Generated files by path relative to the plugin's output directory. */
export type FileMap = Map<string, Uint8Array>;

export interface PluginInput {
  imagePath: string;
  set: FileDescriptorSet;
  files: string[];
  /** Plugins protogov installed itself (Go's), by name: run from there instead of PATH. */
  executables?: ReadonlyMap<string, string> | undefined;
}

type PluginKind = { kind: "in-process"; entry: PluginEntry } | { kind: "protoc"; name: string } | { kind: "executable"; name: string };

/** How a plugin name of a target is run: protogov's registry first, then protoc's built-ins, then PATH. */
function pluginKind(name: string): PluginKind {
  const entry = findPlugin(name);
  if (entry) return { kind: "in-process", entry };
  if (PROTOC_BUILTINS.has(name)) return { kind: "protoc", name };
  return { kind: "executable", name };
}

/** See PluginEntry.generatesImports; plugins outside the registry are code generators. */
export function generatesImports(name: string): boolean {
  return findPlugin(name)?.generatesImports ?? true;
}

export async function runTargetPlugin(plugin: TargetPlugin, input: PluginInput): Promise<FileMap> {
  const kind = pluginKind(plugin.name);
  if (kind.kind === "protoc") return runProtocBuiltin(plugin, input);
  const options = kind.kind === "in-process" ? { ...kind.entry.defaultOptions, ...plugin.options } : plugin.options;
  const request = create(CodeGeneratorRequestSchema, {
    parameter: Object.entries(options)
      .map(([k, v]) => `${k}=${v}`)
      .join(","),
    protoFile: input.set.file,
    fileToGenerate: input.files,
    compilerVersion: PROTOC_VERSION,
  });
  const response =
    kind.kind === "in-process" ? (await kind.entry.load()).run(request) : await runExecutable(plugin.name, request, input.executables);
  if (response.error)
    throw new InputError(`plugin ${plugin.name}: ${response.error}`, { hint: "fix the plugin's options in protogov.yaml or the protos" });
  const files: FileMap = new Map();
  for (const f of response.file) {
    if (!f.name || f.name.startsWith("/") || f.name.split("/").includes("..")) continue;
    files.set(f.name, new TextEncoder().encode(f.content));
  }
  return files;
}

/** The compiler version protogov reports to plugins: that of the protoc its tests use. */
const PROTOC_VERSION = { major: 3, minor: 21, patch: 12, suffix: "protogov" };

/** The request protoc would send for the project's files in scope. */
export function requestFromImage(imagePath: string, project: Project, parameter: string): CodeGeneratorRequest {
  const set = fromBinary(FileDescriptorSetSchema, readFileSync(imagePath));
  const inScope = new Set(project.inScope.map((t) => t.importPath));
  return create(CodeGeneratorRequestSchema, {
    parameter,
    protoFile: set.file,
    // The project's own files in scope; imports (well-known types, protogov's protos) are never generated.
    fileToGenerate: set.file.filter((f) => inScope.has(f.name)).map((f) => f.name),
    compilerVersion: PROTOC_VERSION,
  });
}

/** Runs a registry plugin on a request; a problem it reports in `response.error` is the user's. */
export function runPluginInProcess(plugin: InProcessPlugin, request: CodeGeneratorRequest): CodeGeneratorResponse {
  const response = plugin.run(request);
  if (response.error) {
    throw new InputError(`${plugin.name}: ${response.error}`, { hint: "fix the input or the plugin options named above" });
  }
  return response;
}

async function runProtocBuiltin(plugin: TargetPlugin, input: PluginInput): Promise<FileMap> {
  const out = tempDir("protogov-protoc-");
  try {
    const opts = Object.entries(plugin.options).map(([k, v]) => (v === "true" ? k : `${k}=${v}`));
    const outArg = `--${plugin.name}_out=${opts.length > 0 ? `${opts.join(",")}:` : ""}${out}`;
    const r = await spawnCollect("protoc", [`--descriptor_set_in=${input.imagePath}`, outArg, ...input.files], undefined).catch(
      (e: unknown) => {
        throw new ToolError(`the ${plugin.name} generator is part of protoc, and protoc could not be run: ${(e as Error).message}`, {
          hint: "install protoc (Debian: apt-get install protobuf-compiler) and make sure it is on PATH",
        });
      },
    );
    if (r.code !== 0) throw new ToolError(`protoc --${plugin.name}_out failed: ${r.stderr.trim().split("\n").slice(0, 5).join("\n")}`);
    const files: FileMap = new Map();
    for (const path of walk(out)) files.set(relative(out, path).split("\\").join("/"), readFileSync(path));
    return files;
  } finally {
    removeTemp(out);
  }
}

async function runExecutable(
  name: string,
  request: CodeGeneratorRequest,
  installed: ReadonlyMap<string, string> | undefined,
): Promise<CodeGeneratorResponse> {
  const exe = installed?.get(name) ?? findOnPath(`protoc-gen-${name}`);
  if (!exe) {
    throw new ToolError(`plugin "${name}": protoc-gen-${name} is not on PATH, and "${name}" is not built in`, {
      hint: `built in: ${PLUGINS.map((p) => p.name).join(", ")}, and protoc's ${[...PROTOC_BUILTINS].join(", ")}; install the plugin or fix the name`,
    });
  }
  const r = await spawnCollect(exe, [], toBinary(CodeGeneratorRequestSchema, request));
  if (r.code !== 0) throw new ToolError(`protoc-gen-${name} exited with ${r.code}: ${r.stderr.trim().split("\n").slice(0, 5).join("\n")}`);
  return fromBinary(CodeGeneratorResponseSchema, r.stdout);
}

function findOnPath(exe: string): string | undefined {
  for (const dir of (process.env["PATH"] ?? "").split(delimiter)) {
    const candidate = join(dir, exe);
    if (dir && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function spawnCollect(
  cmd: string,
  args: string[],
  input: Uint8Array | undefined,
): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = trackChild(spawn(cmd, args, { detached: true, env: childEnv(), stdio: ["pipe", "pipe", "pipe"] }));
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8") }));
    child.stdin.on("error", () => undefined);
    child.stdin.end(input);
  });
}

export function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

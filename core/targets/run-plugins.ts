/**
 * Runs one plugin of a target on the compiled image and returns its files:
 * protogov's plugins and protoc-gen-es in-process (the same pure `run` protoc
 * would call), protoc's built-in generators through the system protoc fed the
 * image (`--descriptor_set_in`, no second parse), and any other name as a
 * `protoc-gen-NAME` executable on PATH speaking the plugin protocol.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { delimiter, join, relative } from "node:path";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import {
  type CodeGeneratorRequest,
  CodeGeneratorRequestSchema,
  type CodeGeneratorResponse,
  CodeGeneratorResponseSchema,
  type FileDescriptorSet,
} from "@bufbuild/protobuf/wkt";
import { createDocsPlugin } from "../../plugins/docs/plugin.js";
import { loadBuiltinTemplates, readTemplateDir } from "../../plugins/docs/templates.js";
import { runErrorsPlugin } from "../../plugins/errors/plugin.js";
import type { Plugin } from "../../plugins/protoplugin.js";
import { runTestsPlugin } from "../../plugins/tests/plugin.js";
import { InputError, ToolError } from "../errors.js";
import { type InProcessName, pluginKind } from "./plugin-kinds.js";
import type { TargetPlugin } from "./types.js";

/** Generated files by path relative to the plugin's output directory. */
export type FileMap = Map<string, Uint8Array>;

export interface PluginInput {
  imagePath: string;
  set: FileDescriptorSet;
  files: string[];
}

/** Defaults per built-in plugin; the target's options override them. */
const DEFAULT_OPTIONS: Partial<Record<InProcessName, Record<string, string>>> = {
  es: { target: "ts", import_extension: "js" },
  errors: { target: "ts", import_extension: "js" },
  docs: { format: "html" },
};

export async function runTargetPlugin(plugin: TargetPlugin, input: PluginInput): Promise<FileMap> {
  const kind = pluginKind(plugin.name);
  if (kind.kind === "protoc") return runProtocBuiltin(plugin, input);
  const options = kind.kind === "in-process" ? { ...DEFAULT_OPTIONS[kind.name], ...plugin.options } : plugin.options;
  const request = create(CodeGeneratorRequestSchema, {
    parameter: Object.entries(options)
      .map(([k, v]) => `${k}=${v}`)
      .join(","),
    protoFile: input.set.file,
    fileToGenerate: input.files,
    compilerVersion: { major: 3, minor: 21, patch: 12, suffix: "protogov" },
  });
  const response = kind.kind === "in-process" ? inProcess(kind.name).run(request) : await runExecutable(plugin.name, request);
  if (response.error)
    throw new InputError(`plugin ${plugin.name}: ${response.error}`, { hint: "fix the plugin's options in protogov.yaml or the protos" });
  const files: FileMap = new Map();
  for (const f of response.file) {
    if (!f.name || f.name.startsWith("/") || f.name.split("/").includes("..")) continue;
    files.set(f.name, new TextEncoder().encode(f.content));
  }
  return files;
}

function inProcess(name: InProcessName): { run(r: CodeGeneratorRequest): CodeGeneratorResponse } {
  switch (name) {
    case "es":
      return protocGenEs();
    case "errors":
      return { run: runErrorsPlugin };
    case "docs":
      return createDocsPlugin({ templates: loadBuiltinTemplates(), loadTemplateDir: readTemplateDir });
    case "tests":
      return { run: runTestsPlugin };
  }
}

/** protoc-gen-es's plugin object (CommonJS, no exports map): the same code its bin runs. */
function protocGenEs(): Plugin {
  const require = createRequire(import.meta.url);
  return (require("@bufbuild/protoc-gen-es/dist/cjs/src/protoc-gen-es-plugin.js") as { protocGenEs: Plugin }).protocGenEs;
}

async function runProtocBuiltin(plugin: TargetPlugin, input: PluginInput): Promise<FileMap> {
  const out = mkdtempSync(join(tmpdir(), "protogov-protoc-"));
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
    rmSync(out, { recursive: true, force: true });
  }
}

async function runExecutable(name: string, request: CodeGeneratorRequest): Promise<CodeGeneratorResponse> {
  const exe = findOnPath(`protoc-gen-${name}`);
  if (!exe) {
    throw new ToolError(`plugin "${name}": protoc-gen-${name} is not on PATH, and "${name}" is not built in`, {
      hint: "built in: es, errors, docs, tests, and protoc's java, kotlin, python, pyi, php, ruby, csharp, cpp, objc; install the plugin or fix the name",
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
    const child = spawn(cmd, args, { stdio: ["pipe", "pipe", "pipe"] });
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

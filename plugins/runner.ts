/**
 * The one place where protogov's protoc plugins touch the process: arguments,
 * stdin, stdout, stderr and the exit code. Each plugin's bin is one call to
 * `runPluginProcess`.
 *
 * - `--version` prints "<name> <version>"; `--help` the options.
 * - stdin is read to the end before decoding (protoc may write in chunks).
 * - The response is written and the runner waits until stdout has taken it:
 *   `process.exit()` right after a large `write()` to a pipe cuts the output.
 * - Problems in the user's input come back inside the response (see
 *   define-plugin.ts) and exit 0, as protoc expects; only broken IO or a bug in
 *   the plugin goes to stderr with exit code 1.
 */
import { fromBinary, toBinary } from "@bufbuild/protobuf";
import { CodeGeneratorRequestSchema, CodeGeneratorResponseSchema } from "@bufbuild/protobuf/wkt";
import type { ProtogovPlugin } from "./define-plugin.js";
import { describeOptions } from "./options.js";

export interface PluginIo {
  argv: readonly string[];
  stdin: AsyncIterable<Uint8Array | string>;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** Runs a plugin as a protoc plugin process; resolves with the exit code (also set on process.exitCode). */
export async function runPluginProcess(plugin: ProtogovPlugin, io: PluginIo = processIo()): Promise<number> {
  const code = await runPlugin(plugin, io);
  process.exitCode = code;
  return code;
}

async function runPlugin(plugin: ProtogovPlugin, io: PluginIo): Promise<number> {
  const [first] = io.argv;
  if (first === "--version" || first === "-v") {
    await write(io.stdout, `${plugin.name} ${plugin.version}\n`);
    return 0;
  }
  if (first === "--help" || first === "-h") {
    await write(
      io.stdout,
      `${plugin.name} ${plugin.version}: ${plugin.description}\n${usage(plugin)}\n${describeOptions(plugin.options)}\n`,
    );
    return 0;
  }
  if (io.argv.length > 0) {
    await write(io.stderr, `${plugin.name}: unexpected argument "${first}"\n${usage(plugin)}\n`);
    return 1;
  }
  let bytes: Uint8Array;
  try {
    const request = fromBinary(CodeGeneratorRequestSchema, await readAll(io.stdin));
    bytes = toBinary(CodeGeneratorResponseSchema, plugin.run(request));
  } catch (e) {
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    await write(io.stderr, `${plugin.name}: internal error, please report it with the failing .proto files\n${detail}\n`);
    return 1;
  }
  try {
    await write(io.stdout, bytes);
  } catch (e) {
    await write(io.stderr, `${plugin.name}: cannot write the response: ${e instanceof Error ? e.message : String(e)}\n`).catch(() => {});
    return 1;
  }
  return 0;
}

function usage(plugin: ProtogovPlugin): string {
  const short = plugin.name.replace(/^protoc-gen-/, "");
  return `usage: protoc --${short}_out=DIR [--${short}_opt=key=value,...] FILE.proto (reads a CodeGeneratorRequest on stdin)`;
}

async function readAll(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function write(stream: NodeJS.WritableStream, data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(data, (err) => (err ? reject(err) : resolve()));
  });
}

function processIo(): PluginIo {
  return { argv: process.argv.slice(2), stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}

/**
 * The gRPC generator for Python targets. grpcio-tools ships it only inside its
 * own protoc (`python -m grpc_tools.protoc`), so protogov installs the pinned
 * grpcio-tools from PyPI into a virtualenv of its own cache
 * (<cache>/python-plugins/grpcio-tools@<version>/) with a small
 * `protoc-gen-grpc_python` beside it that speaks the plugin protocol by
 * handing the request's descriptors to grpc_tools. A user never installs it;
 * once installed it is found again without running pip (offline).
 */
import { chmodSync, existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ToolError } from "../../model/errors.js";
import { removeTemp } from "../../model/fs/lifecycle.js";
import { runTool, toolComplaint } from "./run-tool.js";

/** grpcio-tools and the runtime its code needs; the generated `_grpc.py` refuses an older grpcio than this. */
export const GRPC_PYTHON = { tool: "grpcio-tools", version: "1.85.1" } as const;

export const INSTALL_PYTHON_HINT =
  "install Python 3.9 or newer with its venv module (Debian: apt-get install python3 python3-venv) so `python3` is on PATH; protogov fetches grpcio-tools itself";

/** Reads a CodeGeneratorRequest, runs grpc_tools' protoc on its descriptors, answers a CodeGeneratorResponse. */
const PLUGIN_SCRIPT = `
import os, sys, tempfile
from google.protobuf import descriptor_pb2
from google.protobuf.compiler import plugin_pb2
from grpc_tools import protoc

request = plugin_pb2.CodeGeneratorRequest.FromString(sys.stdin.buffer.read())
response = plugin_pb2.CodeGeneratorResponse()
with tempfile.TemporaryDirectory() as scratch:
    image = os.path.join(scratch, "image.binpb")
    with open(image, "wb") as f:
        f.write(descriptor_pb2.FileDescriptorSet(file=request.proto_file).SerializeToString())
    out = os.path.join(scratch, "out")
    os.mkdir(out)
    option = request.parameter + ":" if request.parameter else ""
    code = protoc.main(["protoc", "--descriptor_set_in=" + image, "--grpc_python_out=" + option + out, *request.file_to_generate])
    if code != 0:
        response.error = "grpc_tools.protoc exited with %d" % code
    for root, _, names in sorted(os.walk(out)):
        for name in sorted(names):
            path = os.path.join(root, name)
            with open(path, encoding="utf-8") as f:
                response.file.add(name=os.path.relpath(path, out).replace(os.sep, "/"), content=f.read())
sys.stdout.buffer.write(response.SerializeToString())
`;

function venvDir(cacheRoot: string): string {
  return join(cacheRoot, "python-plugins", `${GRPC_PYTHON.tool}@${GRPC_PYTHON.version}`);
}

/**
 * The plugin's executable, installed first when missing. The virtualenv is
 * built beside its final place and renamed in, so an interrupted install
 * leaves nothing that looks installed.
 */
export async function ensureGrpcPythonPlugin(cacheRoot: string): Promise<string> {
  const dir = venvDir(cacheRoot);
  const exe = join(dir, "protoc-gen-grpc_python");
  if (existsSync(exe)) return exe;
  const partial = `${dir}.${process.pid}.partial`;
  removeTemp(partial);
  mkdirSync(join(cacheRoot, "python-plugins"), { recursive: true });
  const run = (cmd: string, args: string[], purpose: string) =>
    runTool({ cmd, args, cwd: cacheRoot, env: {}, purpose, installHint: INSTALL_PYTHON_HINT });
  try {
    const venv = await run("python3", ["-m", "venv", partial], "creating the virtualenv for grpcio-tools");
    if (venv.code !== 0) throw new ToolError(`python3 -m venv failed:\n${toolComplaint(venv)}`, { hint: INSTALL_PYTHON_HINT });
    const pin = `${GRPC_PYTHON.tool}==${GRPC_PYTHON.version}`;
    const pip = await run(join(partial, "bin", "pip"), ["install", "-q", "--disable-pip-version-check", pin], `installing ${pin}`);
    if (pip.code !== 0) {
      throw new ToolError(`pip install ${pin} failed:\n${toolComplaint(pip)}`, {
        hint: "the package index (pip's index-url) must be reachable once; after that grpcio-tools is cached in protogov's cache directory",
      });
    }
    // The interpreter path is the final one: a virtualenv's python works under its final name only.
    writeFileSync(join(partial, "protoc-gen-grpc_python"), `#!${join(dir, "bin", "python")}\n${PLUGIN_SCRIPT}`);
    chmodSync(join(partial, "protoc-gen-grpc_python"), 0o755);
    renameSync(partial, dir);
    return exe;
  } finally {
    removeTemp(partial);
  }
}

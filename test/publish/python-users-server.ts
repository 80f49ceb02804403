/**
 * The acme.users.v1.UserService of proto-examples served by Python's grpcio
 * (test/fixtures/publish/users_server.py) in a child process: GetUser raises
 * the generated Python UserNotFoundError, so a client of a published package
 * in another language (the npm consumer) catches it as its own typed error.
 * Messages from Debian's protoc (--python_out), errors from the golden files
 * of the Python emitter; the venv is .ci/toolchains' (grpcio, grpcio-status).
 */
import { execFileSync, spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { requireToolchain, venvPython } from "../errors/lang-support.js";
import { repoRoot } from "../support/paths.js";
import { EXAMPLES, tempDir } from "./api-project.js";
import type { TsServer } from "./ts-users-server.js";

export async function startPythonUsersServer(): Promise<TsServer> {
  requireToolchain(venvPython);
  const gen = tempDir("protogov-py-server-");
  execFileSync("protoc", [
    `-I${EXAMPLES}`,
    `--python_out=${gen}`,
    "acme/users/v1/users.proto",
    "acme/common/v1/address.proto",
    "acme/common/v1/pagination.proto",
  ]);
  const errors = join(repoRoot, "test", "golden", "errors-python", "proto-examples");
  const child = spawn(venvPython, [join(repoRoot, "test", "fixtures", "publish", "users_server.py")], {
    env: { ...process.env, PYTHONPATH: [gen, errors].join(":"), PYTHONUNBUFFERED: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<string>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`users_server.py exited with ${code} before listening`)));
    createInterface({ input: child.stdout }).once("line", resolve);
  });
  return {
    address: `127.0.0.1:${port.trim()}`,
    async close() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill();
      await exited;
    },
  };
}

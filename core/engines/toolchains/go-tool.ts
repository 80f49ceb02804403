/**
 * Runs the `go` command for protogov's Go support (installing the generator
 * plugins, resolving a generated module's go.sum). Go is the one thing a user
 * of a Go target installs; when it is missing, the error says so (exit 2)
 * instead of a spawn error.
 */
import { spawn } from "node:child_process";
import { ToolError } from "../../model/errors.js";
import { trackChild } from "../../model/fs/lifecycle.js";

export interface GoResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The hint of every "go is missing" error: what to install. */
export const INSTALL_GO_HINT =
  "install Go 1.26 or newer (grpc v1.85.0, which generated modules require, needs it) (the `go` command) and put it on PATH; protogov fetches protoc-gen-go and the other Go plugins itself";

export function runGo(args: readonly string[], cwd: string, env: Record<string, string>, purpose: string): Promise<GoResult> {
  return new Promise((resolve, reject) => {
    const child = trackChild(
      spawn("go", args, { cwd, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } }),
    );
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", (e: NodeJS.ErrnoException) => {
      reject(
        e.code === "ENOENT"
          ? new ToolError(`${purpose} needs the Go toolchain, and \`go\` is not on PATH`, { hint: INSTALL_GO_HINT })
          : new ToolError(`${purpose}: could not run go: ${e.message}`, { hint: INSTALL_GO_HINT }),
      );
    });
    child.on("close", (code) =>
      resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }),
    );
  });
}

/** The first lines of go's complaint, for an error message. */
export function goComplaint(r: GoResult): string {
  return r.stderr.trim().split("\n").slice(0, 6).join("\n");
}

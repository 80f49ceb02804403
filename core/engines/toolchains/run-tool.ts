/**
 * Runs a language toolchain command (go, python3, mvn) for protogov's package
 * builders. The toolchain is the one thing a user of such a target installs;
 * when it is missing, the error names what to install (exit 2) instead of a
 * spawn error.
 */
import { spawn } from "node:child_process";
import { ToolError } from "../../model/errors.js";
import { childEnv, trackChild } from "../../model/fs/lifecycle.js";

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ToolCommand {
  cmd: string;
  args: readonly string[];
  cwd: string;
  env: Record<string, string>;
  /** What protogov was doing, for the error message ("installing protoc-gen-go"). */
  purpose: string;
  /** What to install when `cmd` is missing. */
  installHint: string;
}

export function runTool(c: ToolCommand): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = trackChild(spawn(c.cmd, c.args, { cwd: c.cwd, detached: true, stdio: ["ignore", "pipe", "pipe"], env: childEnv(c.env) }));
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", (e: NodeJS.ErrnoException) => {
      reject(
        e.code === "ENOENT"
          ? new ToolError(`${c.purpose} needs ${c.cmd}, and \`${c.cmd}\` is not on PATH`, { hint: c.installHint })
          : new ToolError(`${c.purpose}: could not run ${c.cmd}: ${e.message}`, { hint: c.installHint }),
      );
    });
    child.on("close", (code) =>
      resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }),
    );
  });
}

/** The first lines of a tool's complaint (stderr, else stdout: Maven reports errors there), for an error message. */
export function toolComplaint(r: ToolResult, lines = 6): string {
  const text = r.stderr.trim() || r.stdout.trim();
  return text.split("\n").slice(-lines).join("\n");
}

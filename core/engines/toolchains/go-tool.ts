/**
 * Runs the `go` command for protogov's Go support (installing the generator
 * plugins, resolving a generated module's go.sum). Go is the one thing a user
 * of a Go target installs; when it is missing, the error says so (exit 2)
 * instead of a spawn error.
 */
import { runTool, type ToolResult } from "./run-tool.js";

export type GoResult = ToolResult;

/** The hint of every "go is missing" error: what to install. */
export const INSTALL_GO_HINT =
  "install Go 1.26 or newer (grpc v1.85.0, which generated modules require, needs it) (the `go` command) and put it on PATH; protogov fetches protoc-gen-go and the other Go plugins itself";

export function runGo(args: readonly string[], cwd: string, env: Record<string, string>, purpose: string): Promise<GoResult> {
  return runTool({ cmd: "go", args, cwd, env, purpose, installHint: INSTALL_GO_HINT });
}

/** The first lines of go's complaint, for an error message. */
export function goComplaint(r: GoResult): string {
  return r.stderr.trim().split("\n").slice(0, 6).join("\n");
}

/**
 * Runs the buf binary shipped in the npm package `@bufbuild/buf`. The platform
 * package's binary is started directly: going through the package's Node shim
 * would cost a second Node start-up on every call.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { arch, platform } from "node:os";
import { dirname, join } from "node:path";
import { ToolError } from "../../model/errors.js";
import { childEnv, trackChild } from "../../model/fs/lifecycle.js";

const PLATFORM_PACKAGES: Record<string, string> = {
  "linux x64": "@bufbuild/buf-linux-x64",
  "linux arm64": "@bufbuild/buf-linux-aarch64",
  "darwin x64": "@bufbuild/buf-darwin-x64",
  "darwin arm64": "@bufbuild/buf-darwin-arm64",
  "win32 x64": "@bufbuild/buf-win32-x64",
  "win32 arm64": "@bufbuild/buf-win32-arm64",
};

let cachedPath: string | undefined;

export function bufBinary(): string {
  if (cachedPath) return cachedPath;
  const require = createRequire(import.meta.url);
  const exe = platform() === "win32" ? "buf.exe" : "buf";
  const pkg = PLATFORM_PACKAGES[`${platform()} ${arch()}`];
  const candidates: string[] = [];
  if (pkg) {
    try {
      candidates.push(join(dirname(require.resolve(`${pkg}/package.json`)), "bin", exe));
    } catch {
      // not installed for this platform: fall back to the shim below
    }
  }
  try {
    candidates.push(join(dirname(require.resolve("@bufbuild/buf/package.json")), "bin", "buf"));
  } catch {
    // handled below
  }
  const found = candidates.find((c) => existsSync(c));
  if (!found) {
    throw new ToolError("the buf binary is missing (package @bufbuild/buf)", {
      hint: "reinstall protogov's dependencies with `npm ci`; buf ships inside the npm package",
    });
  }
  cachedPath = found;
  return found;
}

export interface BufResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface BufRunOptions {
  cwd: string;
  /** Exit codes that are answers rather than failures (buf: 100 = findings). */
  okCodes?: readonly number[];
  env?: Record<string, string>;
}

/**
 * buf crashed (a Go panic, or an exit with a goroutine stack): `line` is the
 * one line of buf's message worth showing; the stack is never shown.
 */
export class BufCrashError extends ToolError {
  constructor(
    readonly command: string,
    readonly line: string,
  ) {
    super(`buf ${command} crashed: ${line}`, {
      hint: "buf panics on some malformed files (a file that ends inside a string or comment); protogov names the file when it can",
    });
  }
}

/** The line that says what went wrong in a Go panic's output, or undefined when it is not one. */
export function goPanicLine(stderr: string): string | undefined {
  if (!/^goroutine \d+ \[/m.test(stderr) && !/^panic: /m.test(stderr)) return undefined;
  const lines = stderr.split("\n").map((l) => l.trim());
  const cause = lines.find((l) => /panicked: |^panic: /.test(l)) ?? lines.find((l) => l !== "") ?? "panic";
  const short = cause.includes("panicked: ") ? cause.slice(cause.lastIndexOf("panicked: ") + "panicked: ".length) : cause;
  return short.length > 200 ? `${short.slice(0, 200)}...` : short;
}

/** buf's exit code for "ran fine and found problems". */
export const BUF_FINDINGS = 100;

export function runBuf(args: readonly string[], opts: BufRunOptions): Promise<BufResult> {
  const okCodes = opts.okCodes ?? [0, BUF_FINDINGS];
  return new Promise((resolvePromise, reject) => {
    const child = trackChild(
      spawn(bufBinary(), args, {
        detached: true,
        cwd: opts.cwd,
        env: childEnv(opts.env),
        stdio: ["ignore", "pipe", "pipe"],
      }),
    );
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", (e) => reject(new ToolError(`could not start buf: ${e.message}`, { cause: e })));
    child.on("close", (code) => {
      const result = { code: code ?? 1, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") };
      const panic = result.code !== 0 ? goPanicLine(result.stderr) : undefined;
      if (panic !== undefined) {
        reject(new BufCrashError(args[0] ?? "", panic));
        return;
      }
      if (!okCodes.includes(result.code)) {
        const first = result.stderr.trim().split("\n").slice(0, 5).join("\n");
        reject(new ToolError(`buf ${args[0] ?? ""} failed (exit ${result.code}): ${first || "no output"}`));
        return;
      }
      resolvePromise(result);
    });
  });
}

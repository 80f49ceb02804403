/**
 * The only place that catches errors and turns a run into an exit code: known
 * errors print a message, a location and a hint; errors of the system (a full
 * disk, a file that cannot be read) print what failed on which path; anything
 * else prints a short "please report" block without a stack (PROTOGOV_DEBUG=1
 * shows it). bin.ts runs it once per process; the hook server (hook-server.ts)
 * once per commit.
 */
import { readFileSync } from "node:fs";
import { CommanderError } from "commander";
import { ExitCode, isProtogovError } from "../core/model/errors.js";
import { buildProgram } from "./program.js";

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

function printError(e: unknown): number {
  if (isProtogovError(e)) {
    const where = e.location
      ? `${e.location.file}${e.location.line ? `:${e.location.line}` : ""}${e.location.column ? `:${e.location.column}` : ""}: `
      : "";
    const message = where && e.message.startsWith(e.location?.file ?? "\0") ? e.message : `${where}${e.message}`;
    process.stderr.write(`protogov: ${e.kind} error: ${message}\n`);
    if (e.hint) process.stderr.write(`  hint: ${e.hint}\n`);
    return e.exitCode;
  }
  const system = systemError(e);
  if (system) {
    process.stderr.write(`protogov: input error: ${system.message}\n  hint: ${system.hint}\n`);
    return ExitCode.Failure;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  process.stderr.write(
    `protogov: internal error: ${err.message}\n  This is a bug in protogov. Please report it with the command you ran` +
      ` and, if you can, the input (PROTOGOV_DEBUG=1 prints the stack).\n`,
  );
  if (process.env["PROTOGOV_DEBUG"]) process.stderr.write(`${err.stack ?? ""}\n`);
  return ExitCode.Failure;
}

const SYSTEM_ERRORS: Record<string, { what: string; hint: string }> = {
  ENOSPC: { what: "no space left on the device", hint: "free some space and run it again; files being replaced were left as they were" },
  EDQUOT: { what: "disk quota exceeded", hint: "free some space and run it again; files being replaced were left as they were" },
  EACCES: { what: "permission denied", hint: "check the file's permissions (or run where you may read and write)" },
  EPERM: { what: "operation not permitted", hint: "check the file's permissions" },
  EROFS: { what: "read-only file system", hint: "write to a writable location" },
  EISDIR: { what: "is a directory, not a file", hint: "pass a file path" },
  ENOTDIR: { what: "a part of the path is a file, not a directory", hint: "check the path" },
  ENOENT: { what: "no such file or directory", hint: "check the path" },
  EEXIST: { what: "already exists", hint: "remove it or choose another path" },
  EMFILE: { what: "too many open files", hint: "raise the open-file limit (ulimit -n)" },
  EIO: { what: "input/output error", hint: "check the disk" },
};

/** A Node system error (errno code, syscall, path) as a message naming the path; undefined for anything else. */
function systemError(e: unknown): { message: string; hint: string } | undefined {
  const err = e as NodeJS.ErrnoException | undefined;
  const known = typeof err?.code === "string" ? SYSTEM_ERRORS[err.code] : undefined;
  if (!err || !known || typeof err.syscall !== "string") return undefined;
  const where = err.path ? ` ${err.path}` : "";
  return { message: `cannot ${err.syscall}${where}: ${known.what} (${err.code})`, hint: known.hint };
}

/** After EPIPE on stdout (a reader that stopped: `| head`), further output is dropped and the run finishes normally. */
export function quietOnClosedStdout(): void {
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    process.stdout.write = (() => true) as typeof process.stdout.write;
  });
}

/** Runs one command line (argv as process.argv: node, script, args...) and returns its exit code; never throws. */
export async function runCli(argv: readonly string[]): Promise<number> {
  let code: number = ExitCode.Clean;
  const run = async (load: () => Promise<number>): Promise<void> => {
    try {
      code = await load();
    } catch (e) {
      code = printError(e);
    }
  };
  const program = buildProgram(packageVersion(), run, runCli).exitOverride();
  // Subcommands copy their parent's settings when created, before this override: without it an
  // unknown option of `lint`/`check`/... exits 1 (the findings code) from inside commander.
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync([...argv]);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; every other commander error is a usage error.
      code = e.exitCode === 0 ? ExitCode.Clean : ExitCode.Failure;
    } else {
      code = printError(e);
    }
  }
  return code;
}

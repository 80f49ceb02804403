#!/usr/bin/env node
/**
 * The only place that sets the exit code and catches errors: known errors print
 * a message, a location and a hint; anything else prints a short
 * "please report" block without a stack (PROTOGOV_DEBUG=1 shows it).
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
  const err = e instanceof Error ? e : new Error(String(e));
  process.stderr.write(
    `protogov: internal error: ${err.message}\n  This is a bug in protogov. Please report it with the command you ran` +
      ` and, if you can, the input (PROTOGOV_DEBUG=1 prints the stack).\n`,
  );
  if (process.env["PROTOGOV_DEBUG"]) process.stderr.write(`${err.stack ?? ""}\n`);
  return ExitCode.Failure;
}

async function main(): Promise<void> {
  let code: number = ExitCode.Clean;
  const run = async (load: () => Promise<number>): Promise<void> => {
    try {
      code = await load();
    } catch (e) {
      code = printError(e);
    }
  };
  const program = buildProgram(packageVersion(), run).exitOverride();
  // Subcommands copy their parent's settings when created, before this override: without it an
  // unknown option of `lint`/`check`/... exits 1 (the findings code) from inside commander.
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync(process.argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; every other commander error is a usage error.
      code = e.exitCode === 0 ? ExitCode.Clean : ExitCode.Failure;
    } else {
      code = printError(e);
    }
  }
  process.exitCode = code;
}

await main();

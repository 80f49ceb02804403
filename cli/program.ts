/**
 * Declares commands and options only; each action lazily imports its command
 * module so `protogov --help` and `--version` start fast.
 */
import { Command, Option } from "commander";
import type { GlobalOptions } from "./global-options.js";
import { REPORTER_NAMES } from "./reporter-names.js";

export function buildProgram(version: string, run: (load: () => Promise<number>) => Promise<void>): Command {
  const program = new Command("protogov")
    .description("Governance for Protobuf APIs: format, lint, breaking changes, typed errors, docs and stubs.")
    .version(version, "-v, --version")
    .option("-C, --cwd <dir>", "run as if started in <dir>")
    .option("-c, --config <file>", "use this protogov.yaml instead of searching upward from the cwd")
    .addOption(new Option("-f, --format <name>", "report format").choices(REPORTER_NAMES).default("text"))
    .option("-o, --output <file>", "write the report to <file> instead of stdout")
    .option("--no-color", "disable colors in text output")
    .showHelpAfterError("(run `protogov --help` for usage)")
    .addHelpText(
      "after",
      `
Examples:
  $ protogov init                          write a commented protogov.yaml for the protos found here
  $ protogov check proto                   format check + lint (one compile), exit 1 on findings
  $ protogov lint --format sarif -o lint.sarif
  $ protogov format --write                rewrite unformatted files in place

Exit codes: 0 clean, 1 findings at error severity, 2 usage/config/tool failure.`,
    );

  const globals = (cmd: Command): GlobalOptions => cmd.optsWithGlobals() as GlobalOptions;
  const againstOf = (opts: { against?: string }): { against?: string } => (opts.against === undefined ? {} : { against: opts.against });

  program
    .command("init")
    .description("write a commented protogov.yaml that works for the .proto files found")
    .option("--force", "overwrite an existing protogov.yaml")
    .action((opts: { force?: boolean }, cmd: Command) =>
      run(async () => (await import("./commands/init.js")).init({ ...globals(cmd), force: opts.force ?? false })),
    );

  program
    .command("lint")
    .description("run buf's lint rules and protogov's governance rules")
    .argument("[paths...]", "files or directories to lint (default: the whole project)")
    .addHelpText("after", "\nExample:\n  $ protogov lint proto/acme/users --format github")
    .action((paths: string[], _opts: unknown, cmd: Command) =>
      run(async () => (await import("./commands/lint.js")).lint({ ...globals(cmd), paths })),
    );

  program
    .command("format")
    .description("check formatting (shows the diff, exit 1 when unformatted), or fix it with --write")
    .argument("[paths...]", "files or directories to format (default: the whole project)")
    .option("-w, --write", "rewrite unformatted files in place")
    .addHelpText("after", "\nExample:\n  $ protogov format --write proto/acme")
    .action((paths: string[], opts: { write?: boolean }, cmd: Command) =>
      run(async () => (await import("./commands/format.js")).format({ ...globals(cmd), paths, write: opts.write ?? false })),
    );

  program
    .command("check")
    .description("format check + lint + breaking (when a base is known) from one compile: what CI and the hook run")
    .argument("[paths...]", "files or directories to check (default: the whole project)")
    .option(
      "--against <ref>",
      "base to compare against: git ref, directory or buf image (default: the CI base branch or the merge-base with the default branch)",
    )
    .option("--all", "check every file, not only those changed since the base")
    .addHelpText(
      "after",
      "\nExamples:\n  $ protogov check --format sarif --output protogov.sarif\n  $ protogov check --against origin/main",
    )
    .action((paths: string[], opts: { against?: string; all?: boolean }, cmd: Command) =>
      run(async () => (await import("./commands/check.js")).check({ ...globals(cmd), paths, ...againstOf(opts), all: opts.all ?? false })),
    );

  program
    .command("breaking")
    .description("buf's breaking rules plus protogov's (custom options, error catalog) against a base")
    .argument("[paths...]", "files or directories to compare (default: the whole project)")
    .option(
      "--against <ref>",
      "base: git ref, directory or buf image (default: the CI base branch or the merge-base with the default branch)",
    )
    .option("--all", "compare every file, not only those changed since the base")
    .addHelpText(
      "after",
      "\nExamples:\n  $ protogov breaking --against main\n  $ protogov breaking --against ../api-v1.2.0 --format github",
    )
    .action((paths: string[], opts: { against?: string; all?: boolean }, cmd: Command) =>
      run(async () =>
        (await import("./commands/breaking.js")).breaking({ ...globals(cmd), paths, ...againstOf(opts), all: opts.all ?? false }),
      ),
    );

  return program;
}

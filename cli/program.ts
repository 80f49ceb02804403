/**
 * Declares commands and options only; each action lazily imports its command
 * module so `protogov --help` and `--version` start fast.
 */
import { Command, Option } from "commander";
import { UsageError } from "../core/model/errors.js";
import type { GlobalOptions } from "./global-options.js";
import { REPORTER_NAMES } from "./reporter-names.js";

/**
 * `run` wraps each command's work (errors to exit codes); `runCli` runs a
 * whole command line again in this process (the hook server, once per commit).
 */
export function buildProgram(
  version: string,
  run: (load: () => Promise<number>) => Promise<void>,
  runCli: (argv: readonly string[]) => Promise<number>,
): Command {
  const program = new Command("protogov")
    .description("Governance for Protobuf APIs: format, lint, breaking changes, typed errors, docs and stubs.")
    .version(version, "-v, --version")
    .option("-C, --cwd <dir>", "run as if started in <dir>")
    .option("-c, --config <file>", "use this protogov.yaml instead of searching upward from the cwd")
    // Not restricted with .choices(): `diff` and `docs` take their own formats; each command checks
    // the value and answers with its valid list.
    .addOption(
      new Option(
        "-f, --format <name>",
        `output format: ${REPORTER_NAMES.join(", ")} for reports; text, markdown, json, commit for diff; html, markdown, json for docs`,
      ).default("text"),
    )
    .option("-o, --output <file>", "write the report to <file> instead of stdout")
    .option("--no-color", "disable colors in text output")
    .option("--no-baseline", "report findings recorded in the baseline too (lint, check, hook run)")
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
    .command("scaffold")
    .description("write a test per service (node:test or vitest, in-memory transport) and keep them in step with the protos")
    .argument("[paths...]", "files or directories whose services get tests (default: the whole project)")
    .option("--out <dir>", "directory of the test scaffolds", "test/api")
    .option("--gen <dir>", "directory of protoc-gen-es and protoc-gen-protogov-errors output (default: --out)")
    .addOption(new Option("--runner <name>", "test framework").choices(["node", "vitest"]).default("node"))
    .option("--impl <pattern>", "module exporting each implementation, e.g. ./src/{service_snake}.js (default: generated placeholders)")
    .option("--check", "write nothing; exit 1 when scaffolds are missing or out of date")
    .option("--no-stubs", "do not regenerate the protoc-gen-es and errors stubs the tests import (you generate them elsewhere)")
    .option("--no-setup", "do not write tsconfig.json / package.json entries the tests need to run")
    .addHelpText(
      "after",
      "\nEdited blocks are never overwritten; new RPCs get their test. See docs/test-scaffolds.md.\nExample:\n  $ protogov scaffold --out test/api --gen src/gen --impl ./src/{service_snake}.js",
    )
    .action(
      (
        paths: string[],
        opts: { out: string; gen?: string; runner: string; impl?: string; check?: boolean; stubs: boolean; setup: boolean },
        cmd: Command,
      ) =>
        run(async () => (await import("./commands/scaffold.js")).scaffold({ ...globals(cmd), paths, ...opts, check: opts.check ?? false })),
    );

  program
    .command("baseline")
    .description("record today's findings in protogov.baseline.json: lint, check and the hook then fail only on new ones")
    .argument("[paths...]", "files or directories to record (default: the whole project; entries of other files are kept)")
    .option("--prune", "only remove entries whose findings are gone (fixed); add nothing")
    .addHelpText(
      "after",
      "\nRecording replaces the entries of the files it covers; review the file's diff and commit it.\nExamples:\n  $ protogov baseline\n  $ protogov baseline --prune",
    )
    .action((paths: string[], opts: { prune?: boolean }, cmd: Command) =>
      run(async () => (await import("./commands/baseline.js")).baseline({ ...globals(cmd), paths, prune: opts.prune ?? false })),
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
    .option("--staged", "with --write: format the staged files and re-stage them (refused when they have unstaged edits)")
    .addHelpText("after", "\nExamples:\n  $ protogov format --write proto/acme\n  $ protogov format --write --staged")
    .action((paths: string[], opts: { write?: boolean; staged?: boolean }, cmd: Command) =>
      run(async () => {
        if (!opts.staged) return (await import("./commands/format.js")).format({ ...globals(cmd), paths, write: opts.write ?? false });
        const hook = await import("./commands/hook.js");
        hook.checkStagedUsage(opts.write ?? false, paths);
        return hook.formatStaged(globals(cmd));
      }),
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
    .option(
      "--commit-message <file>",
      "fail when this commit message (or PR title) understates the API change: a break without `!` or `BREAKING CHANGE:` (default: $PROTOGOV_COMMIT_MESSAGE)",
    )
    .addHelpText(
      "after",
      "\nExamples:\n  $ protogov check --format sarif --output protogov.sarif\n  $ protogov check --against origin/main\n  $ protogov check --commit-message .git/COMMIT_EDITMSG",
    )
    .action((paths: string[], opts: { against?: string; all?: boolean; commitMessage?: string }, cmd: Command) =>
      run(async () =>
        (await import("./commands/check.js")).check({
          ...globals(cmd),
          paths,
          ...againstOf(opts),
          all: opts.all ?? false,
          ...(opts.commitMessage ? { commitMessage: opts.commitMessage } : {}),
        }),
      ),
    );

  program
    .command("diff")
    .description("the API changelog against a base (added, removed, changed elements) and the semver bump it implies")
    .argument("[paths...]", "files or directories to compare (default: the whole project)")
    .option(
      "--against <ref>",
      "base: git ref, directory or buf image (default: the CI base branch or the merge-base with the default branch)",
    )
    .option("--all", "compare every file, not only those changed since the base")
    .addHelpText(
      "after",
      "\nFormats: text (default), markdown, json, commit (googleapis-style `tag: change` lines).\nExamples:\n  $ protogov diff --against v1.4.0 --format markdown > CHANGELOG-next.md\n  $ protogov diff --format commit",
    )
    .action((paths: string[], opts: { against?: string; all?: boolean }, cmd: Command) =>
      run(async () => (await import("./commands/diff.js")).diff({ ...globals(cmd), paths, ...againstOf(opts), all: opts.all ?? false })),
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
    .option("--against-releases <pattern>", "check against every release tag matching the glob (e.g. 'v*'), findings per release")
    .option("--keep <n>", "with --against-releases: only the newest N matching tags")
    .option("--since <date>", "with --against-releases: only tags whose commit is from this date (YYYY-MM-DD) on")
    .addHelpText(
      "after",
      "\nExamples:\n  $ protogov breaking --against main\n  $ protogov breaking --against ../api-v1.2.0 --format github\n  $ protogov breaking --against-releases 'v*' --keep 3",
    )
    .action(
      (paths: string[], opts: { against?: string; all?: boolean; againstReleases?: string; keep?: string; since?: string }, cmd: Command) =>
        run(async () => {
          const releases = releaseSelection(opts);
          return (await import("./commands/breaking.js")).breaking({
            ...globals(cmd),
            paths,
            ...againstOf(opts),
            all: opts.all ?? false,
            ...(releases ? { releases } : {}),
          });
        }),
    );

  const hook = program
    .command("hook")
    .description("git pre-commit hook: install, uninstall, or run the check on what is staged")
    .addHelpText(
      "after",
      "\nExamples:\n  $ protogov hook install     chains to an existing pre-commit hook; respects core.hooksPath\n  $ protogov hook run         what the hook runs: format + lint of the staged .proto files",
    );
  const hookAction = (name: "hookInstall" | "hookUninstall" | "hookStop") => (_opts: unknown, cmd: Command) =>
    run(async () => (await import("./commands/hook.js"))[name](globals(cmd)));
  hook.command("install").description("install the pre-commit hook in this repository").action(hookAction("hookInstall"));
  hook.command("uninstall").description("remove the hook and restore the one it replaced").action(hookAction("hookUninstall"));
  hook
    .command("run")
    .description("check the staged .proto files as they are in the index (exit 1 blocks the commit)")
    .option("--server", "ask the hook's background server first, and start one for the next commit (for husky, lefthook, pre-commit)")
    .action((opts: { server?: boolean }, cmd: Command) =>
      run(async () => (await import("./commands/hook.js")).hookRun(globals(cmd), opts.server === true)),
    );
  hook
    .command("stop")
    .description("stop the hook's background server (it also stops by itself after 15 idle minutes)")
    .action(hookAction("hookStop"));
  hook
    .command("serve", { hidden: true })
    .description("the hook's background server (started by the hook itself)")
    .requiredOption("--state <dir>", "the server's directory")
    .action((opts: { state: string }) => run(async () => (await import("./hook-server.js")).serveHooks(opts.state, runCli)));
  // Nested commands copy their parent's settings when created, before bin.ts overrides exits on the
  // top-level ones: without this an unknown option of `hook run` would exit 1 (the findings code).
  for (const sub of hook.commands) sub.exitOverride();

  program
    .command("docs")
    .description("build the API reference (HTML site with search, Markdown or JSON) from the protos' comments")
    .argument("[paths...]", "files or directories to document (default: the whole project)")
    .option("--out <dir>", "output directory", "docs-site")
    .option("--docs-format <format>", "html, markdown or json (same as --format for this command)", "html")
    .option("--layout <layout>", "one page per package, per file, or a single page: package, file, single", "package")
    .option("--templates <dir>", "directory of templates that replace the built-in ones (see docs/docs-generator.md)")
    .option("--title <text>", "site title", "API reference")
    .option("--against <ref>", "add a changelog page of the API changes since this git ref, directory or image (HTML)")
    .addHelpText("after", "\nExamples:\n  $ protogov docs --out site\n  $ protogov docs --format markdown --layout file --out docs/api")
    .action(
      (
        paths: string[],
        opts: { out: string; docsFormat: string; layout: string; templates?: string; title: string; against?: string },
        cmd: Command,
      ) => {
        // The global --format, when given, picks the docs format too (its default "text" is a report format).
        const explicit = cmd.optsWithGlobals().format !== undefined && cmd.getOptionValueSourceWithGlobals("format") !== "default";
        const docsFormat = explicit ? String(cmd.optsWithGlobals().format) : opts.docsFormat;
        return run(async () => (await import("./commands/docs.js")).docs({ ...globals(cmd), paths, ...opts, docsFormat }));
      },
    );

  const collect = (value: string, previous: string[]): string[] => [...previous, value];
  program
    .command("generate")
    .description("build every target of protogov.yaml (npm package, per-language stubs, docs) from one compile")
    .option("--target <name>", "only this target (repeatable)", collect, [])
    .addHelpText(
      "after",
      '\nEach target is written to its own clean output directory (its "out", default gen/<name>). See docs/publishing.md.',
    )
    .action((opts: { target: string[] }, cmd: Command) =>
      run(async () => (await import("./commands/generate.js")).generate({ ...globals(cmd), target: opts.target })),
    );

  program
    .command("publish")
    .description("version each target from the API diff and publish it: npm registry, git repository or Pages branch")
    .option("--target <name>", "only this target (repeatable)", collect, [])
    .option("--dry-run", "show versions, file changes and changelogs; publish nothing")
    .addHelpText(
      "after",
      "\nTokens come from the environment variables named in protogov.yaml (token_env) and never appear in output.\nExamples:\n  $ protogov publish --dry-run\n  $ protogov publish --target ts --target java",
    )
    .action((opts: { target: string[]; dryRun?: boolean }, cmd: Command) =>
      run(async () =>
        (await import("./commands/publish.js")).publish({ ...globals(cmd), target: opts.target, dryRun: opts.dryRun ?? false }),
      ),
    );

  return program;
}

/** `--against-releases` with `--keep` / `--since`, validated; undefined without --against-releases. */
function releaseSelection(opts: {
  againstReleases?: string;
  keep?: string;
  since?: string;
}): { pattern: string; keep?: number; since?: Date } | undefined {
  if (opts.againstReleases === undefined) {
    if (opts.keep !== undefined || opts.since !== undefined) {
      throw new UsageError("--keep and --since only apply to --against-releases", { hint: "add --against-releases 'v*'" });
    }
    return undefined;
  }
  const sel: { pattern: string; keep?: number; since?: Date } = { pattern: opts.againstReleases };
  if (opts.keep !== undefined) {
    if (!/^[1-9]\d*$/.test(opts.keep)) throw new UsageError(`--keep ${opts.keep} is not a positive number`, { hint: "e.g. --keep 3" });
    sel.keep = Number(opts.keep);
  }
  if (opts.since !== undefined) {
    const date = new Date(`${opts.since}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.since) || Number.isNaN(date.getTime())) {
      throw new UsageError(`--since ${opts.since} is not a date`, { hint: "use YYYY-MM-DD, e.g. --since 2026-01-01" });
    }
    sel.since = date;
  }
  return sel;
}

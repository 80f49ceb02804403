/**
 * `protogov hook install | uninstall | run` and `protogov format --write
 * --staged`: the pre-commit side of protogov. `run` reports with the real
 * repository paths and shows source lines as they are staged, not as they are
 * in the work tree.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { getReporter } from "../../core/engines/reporters/index.js";
import { checkStaged } from "../../core/features/hook/check-staged.js";
import { hookFiles, installHook, uninstallHook } from "../../core/features/hook/install.js";
import { hookServerDir, hookServerEnabled, startHookServer, stopHookServer } from "../../core/features/hook/server-state.js";
import { ExitCode, UsageError } from "../../core/model/errors.js";
import { hasErrors, type Report } from "../../core/model/findings/finding.js";
import { type GlobalOptions, resolveCwd } from "../global-options.js";
import { writeReportFile } from "../output.js";

// dist/cli/commands/hook.js -> dist/cli/bin.js: the protogov running now is the one the hook runs.
const BIN = fileURLToPath(new URL("../bin.js", import.meta.url));

export async function hookInstall(opts: GlobalOptions): Promise<number> {
  const files = await hookFiles(resolve(resolveCwd(opts)));
  const outcome = installHook(files, { node: process.execPath, bin: BIN, serverDir: hookServerDir(BIN) });
  const messages = {
    installed: `Installed the protogov pre-commit hook: ${files.hook}\n`,
    updated: `The protogov pre-commit hook was already installed; rewrote ${files.hook}\n`,
    chained: `Installed the protogov pre-commit hook: ${files.hook}\n  Your existing hook was moved to ${files.chained} and runs first.\n`,
  };
  process.stderr.write(messages[outcome]);
  return ExitCode.Clean;
}

export async function hookUninstall(opts: GlobalOptions): Promise<number> {
  const files = await hookFiles(resolve(resolveCwd(opts)));
  const outcome = uninstallHook(files);
  if (outcome !== "not-installed") stopHookServer(hookServerDir(BIN));
  const messages = {
    removed: `Removed the protogov pre-commit hook: ${files.hook}\n`,
    restored: `Removed the protogov pre-commit hook and restored your previous one: ${files.hook}\n`,
    "not-installed": `The protogov pre-commit hook is not installed in ${files.dir}; nothing to do.\n`,
  };
  process.stderr.write(messages[outcome]);
  return ExitCode.Clean;
}

/** Stops this protogov's hook server; the next commit starts protogov directly and a new server. */
export async function hookStop(): Promise<number> {
  const stopped = stopHookServer(hookServerDir(BIN));
  process.stderr.write(stopped ? "Stopped the protogov hook server.\n" : "No protogov hook server was running.\n");
  return ExitCode.Clean;
}

/** `server`: `--server`, the run was not answered by a server (bin.ts asked): start one for the next commit. */
export async function hookRun(opts: GlobalOptions, server = false): Promise<number> {
  try {
    return await checkAndReport(opts);
  } finally {
    // Run by the installed hook without its server, or with --server: start one, once this commit is done.
    const state = process.env["PROTOGOV_HOOK_STATE"] ?? (server ? hookServerDir(BIN) : undefined);
    if (state && hookServerEnabled()) startHookServer(state, process.execPath, BIN);
  }
}

async function checkAndReport(opts: GlobalOptions): Promise<number> {
  const result = await checkStaged({ cwd: resolveCwd(opts), configFile: opts.config, baseline: opts.baseline });
  if (result.checked.length === 0) return ExitCode.Clean;
  for (const note of result.notes) process.stderr.write(`${note}\n`);
  const findings = result.findings.map((f) =>
    f.rule === "FORMAT" ? { ...f, hint: "run `protogov format --write --staged` to format and re-stage it" } : f,
  );
  // Source lines as they are staged, not as they are in the work tree.
  const report: Report = {
    command: "hook",
    findings,
    root: result.cwd,
    sourceLine: (file, line) => result.stagedText(file)?.split("\n")[line - 1],
  };
  const useColor = opts.color && !opts.output && process.stdout.isTTY === true && !process.env["NO_COLOR"];
  const text = getReporter(opts.format)(report, { color: useColor });
  const blocked = hasErrors(findings);
  if (opts.output) writeReportFile(resolve(resolveCwd(opts), opts.output), text, opts.output);
  // A clean commit stays quiet: "No findings." on every commit is noise.
  else if (findings.length > 0 || opts.format !== "text") process.stdout.write(text);
  if (blocked) {
    process.stderr.write(
      `\nprotogov: commit blocked: the staged version of ${result.checked.length === 1 ? "this file" : `these ${result.checked.length} files`} has errors (fix them and \`git add\` again; skip the check once with \`git commit --no-verify\`).\n`,
    );
    return ExitCode.Findings;
  }
  return ExitCode.Clean;
}

/** Loaded on demand: `hook run` sits on every commit's path and should not pay for it. */
export async function formatStaged(opts: GlobalOptions): Promise<number> {
  const [{ formatStaged: formatStagedFiles }, { emitReport }] = await Promise.all([
    import("../../core/features/hook/format-staged.js"),
    import("../output.js"),
  ]);
  const result = await formatStagedFiles({ cwd: resolveCwd(opts), configFile: opts.config });
  if (result.failed) {
    process.stderr.write("protogov: the staged files do not compile; nothing was formatted.\n");
    return await emitReport(
      { command: "format", findings: result.failed.findings, root: result.failed.root },
      { ...opts, cwd: result.cwd },
    );
  }
  if (result.considered.length === 0) {
    process.stderr.write("No staged .proto files.\n");
  } else if (result.formatted.length === 0) {
    process.stderr.write(`All ${result.considered.length} staged file(s) are formatted.\n`);
  } else {
    process.stderr.write(
      `Formatted and re-staged ${result.formatted.length} file(s):\n${result.formatted.map((f) => `  ${f}\n`).join("")}`,
    );
  }
  return ExitCode.Clean;
}

/** `--staged` works on every staged file and only with `--write` (checking what is staged is `protogov hook run`). */
export function checkStagedUsage(write: boolean, paths: readonly string[]): void {
  if (!write) {
    throw new UsageError("--staged needs --write", {
      hint: "`protogov format --write --staged` formats and re-stages the staged files; `protogov hook run` checks them",
    });
  }
  if (paths.length > 0) {
    throw new UsageError("--staged takes no paths: it formats every staged .proto file", {
      hint: "stage the files to format (git add), or drop --staged to format paths in the work tree",
    });
  }
}

/**
 * Installs and removes protogov's git `pre-commit` hook. The hooks directory
 * is git's own answer (`git rev-parse --git-path hooks`), so `core.hooksPath`
 * and worktrees are respected. A hook already there is moved aside to
 * `pre-commit.protogov-chained` (a rename: same bytes, same mode) and run
 * first by ours; uninstall renames it back. Installing twice rewrites our
 * script and leaves the chained hook alone.
 *
 * The script runs the protogov that installed it: node and bin.js by absolute
 * path (no PATH lookup, no npx start-up: GUI git clients often run hooks with
 * a bare PATH), then `node` from PATH with the same bin.js (node was upgraded
 * or moved), then `npx --no protogov` (the checkout moved; --no never downloads).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { git } from "../../engines/git/git.js";
import { InputError } from "../../model/errors.js";
import { commitStaged, stageFile } from "../../model/fs/atomic-write.js";
import { removeTemp } from "../../model/fs/lifecycle.js";

export const HOOK_NAME = "pre-commit";
export const CHAINED_SUFFIX = ".protogov-chained";
/** Marks a hook file as ours; the version lets a later protogov recognise and rewrite older scripts. */
export const HOOK_MARKER = "# protogov-hook: v1";

export interface HookFiles {
  dir: string;
  hook: string;
  chained: string;
}

export interface HookRunner {
  /** Absolute path of the node executable. */
  node: string;
  /** Absolute path of protogov's dist/cli/bin.js. */
  bin: string;
  /** The hook server's directory (server-state.ts); the script asks the server there first. */
  serverDir: string;
}

export async function hookFiles(cwd: string): Promise<HookFiles> {
  const r = await git(["rev-parse", "--git-path", "hooks"], cwd);
  if (r.code !== 0) {
    throw new InputError(`${cwd} is not inside a git repository`, {
      hint: "run `protogov hook install` inside the repository whose commits it should check",
    });
  }
  const dir = resolve(cwd, r.stdout.toString("utf8").trim());
  return { dir, hook: join(dir, HOOK_NAME), chained: join(dir, `${HOOK_NAME}${CHAINED_SUFFIX}`) };
}

export function isOurHook(file: string): boolean {
  return existsSync(file) && readFileSync(file, "utf8").includes(HOOK_MARKER);
}

/** A POSIX shell single-quoted word. */
function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

export function hookScript(runner: HookRunner): string {
  return `#!/bin/sh
${HOOK_MARKER}
# Installed by \`protogov hook install\`; \`protogov hook uninstall\` removes it and puts back the
# hook that was here before (kept meanwhile as ${HOOK_NAME}${CHAINED_SUFFIX}, which runs first).
# Checks what is staged (format + lint of the staged .proto files, as they are in the index).
# Skip it once with: git commit --no-verify
hook_dir=$(cd "$(dirname "$0")" && pwd)
chained="$hook_dir/${HOOK_NAME}${CHAINED_SUFFIX}"
if [ -f "$chained" ] && [ -x "$chained" ]; then
  "$chained" "$@" || exit $?
fi
protogov_node=${shellQuote(runner.node)}
protogov_bin=${shellQuote(runner.bin)}
protogov_state=${shellQuote(runner.serverDir)}
${serverClient()}
# No server answered: run protogov, which starts one for the next commit (PROTOGOV_HOOK_SERVER=0: never).
export PROTOGOV_HOOK_STATE="$protogov_state"
if [ -f "$protogov_bin" ]; then
  if [ -x "$protogov_node" ]; then
    exec "$protogov_node" "$protogov_bin" hook run
  fi
  if command -v node >/dev/null 2>&1; then
    exec node "$protogov_bin" hook run
  fi
fi
if command -v npx >/dev/null 2>&1; then
  exec npx --no protogov hook run
fi
echo "protogov pre-commit hook: protogov is gone from $protogov_bin and npx cannot find it." >&2
echo "  reinstall it (npx protogov hook install), or skip the check once: git commit --no-verify" >&2
exit 1
`;
}

/**
 * The fast path: hand the commit to the running server (cli/hook-server.ts)
 * and print its answer. Plain POSIX sh and a few coreutils, no Node start-up.
 * A watchdog answers "lost" when the server dies or has not taken the
 * request within 5 s (a stale pid); any answer that is not an exit code falls
 * through to running protogov directly.
 */
function serverClient(): string {
  return `if [ "\${PROTOGOV_HOOK_SERVER:-1}" != 0 ] && [ -p "$protogov_state/requests" ] && [ -r "/proc/$$/environ" ] &&
  read -r protogov_pid < "$protogov_state/pid" 2>/dev/null && kill -0 "$protogov_pid" 2>/dev/null; then
  protogov_req=$(mktemp -d "\${TMPDIR:-/tmp}/protogov-hook.XXXXXX" 2>/dev/null) || protogov_req=
  if [ -n "$protogov_req" ] && mkfifo -m 600 "$protogov_req/done" 2>/dev/null; then
    protogov_tty=0
    [ -t 1 ] && protogov_tty=1
    (
      n=0
      while kill -0 "$protogov_pid" 2>/dev/null; do
        sleep 1
        n=$((n + 1))
        if [ "$n" -ge 5 ] && [ ! -e "$protogov_req/taken" ]; then break; fi
      done
      echo lost >"$protogov_req/done"
    ) </dev/null >/dev/null 2>&1 &
    protogov_watch=$!
    # Read-write opens of the FIFOs never block (Linux); the server's answer waits in the pipe.
    exec 4<>"$protogov_req/done"
    { printf '%s\\t%s\\t%s\\n' "$$" "$protogov_tty" "$protogov_req" >&3; } 3<>"$protogov_state/requests"
    protogov_rc=
    read -r protogov_rc <&4
    exec 4<&-
    kill "$protogov_watch" 2>/dev/null
    case "$protogov_rc" in
      [0-9] | [0-9][0-9] | [0-9][0-9][0-9])
        cat "$protogov_req/out"
        cat "$protogov_req/err" >&2
        rm -rf "$protogov_req"
        exit "$protogov_rc"
        ;;
    esac
    rm -rf "$protogov_req"
  fi
fi`;
}

export type InstallOutcome = "installed" | "updated" | "chained";

/**
 * Writes our hook; an existing foreign hook is kept as the chained one. The new
 * script is written (and flushed) first; the user's hook is moved aside only
 * once that succeeded, and the two renames run back to back, so a full disk or
 * an error leaves the user's hook where it was.
 */
export function installHook(files: HookFiles, runner: HookRunner): InstallOutcome {
  mkdirSync(files.dir, { recursive: true });
  let outcome: InstallOutcome = "installed";
  if (isOurHook(files.hook)) {
    outcome = "updated";
  } else if (existsSync(files.hook)) {
    if (existsSync(files.chained)) {
      throw new InputError(`both ${files.hook} and ${files.chained} exist, and the first is not protogov's`, {
        hint: `merge or remove one of them by hand, then run \`protogov hook install\` again`,
      });
    }
    outcome = "chained";
  }
  const tmp = stageFile(files.hook, hookScript(runner), 0o755);
  try {
    if (outcome === "chained") renameSync(files.hook, files.chained);
    commitStaged([[tmp, files.hook]]);
  } catch (e) {
    removeTemp(tmp);
    if (outcome === "chained" && !existsSync(files.hook) && existsSync(files.chained)) renameSync(files.chained, files.hook);
    throw e;
  }
  return outcome;
}

export type UninstallOutcome = "removed" | "restored" | "not-installed";

/** Removes our hook and puts the chained one back in its place; leaves a foreign hook alone. */
export function uninstallHook(files: HookFiles): UninstallOutcome {
  if (!isOurHook(files.hook)) return "not-installed";
  rmSync(files.hook);
  if (existsSync(files.chained)) {
    renameSync(files.chained, files.hook);
    return "restored";
  }
  return "removed";
}

/**
 * protogov's governance rules as a buf check plugin, installed in the
 * temporary workspace for one run. On a large tree, `buf lint` from the
 * sources with this plugin is one compile and no image round trip: buf hands
 * the plugin its compiled files about two thirds into its run, and the rules
 * finish while buf's own checks are still going (BENCHMARKS.md has the
 * numbers). buf starts a plugin once per pluginrpc call (nine times per lint);
 * a Node start-up each time would cost ~3 s, so a `sh` script answers the
 * eight descriptive calls from bytes written here, and only `check` starts
 * Node (check-main.ts).
 *
 * Findings come back through a side file rather than buf annotations, so they
 * keep protogov's rule ids, severities and hints.
 *
 * Served mode (`serve`): the protogov run that starts buf answers `check`
 * itself, so a small run (the pre-commit hook) pays no second Node start and
 * no second compile: the script hands buf's request over through the plugin
 * directory (check.in, written whole then renamed) and streams the answer
 * back from a FIFO (check.out) that the run writes once the rules, loaded
 * while buf compiled, have run. Where no FIFO can be made, the script starts
 * Node as above.
 */
import { closeSync, constants, existsSync, type FSWatcher, mkdirSync, openSync, readFileSync, watch, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ToolError } from "../../../model/errors.js";
import type { Finding } from "../../../model/findings/finding.js";
import { makeFifo } from "../../../model/fs/fifo.js";
import type { RulesInput } from "../../rules/rules-input.js";
import { encodeEmptyCheckResponse, encodeErrorResponse, encodeListCategories, encodeListRules, encodeSpec } from "./protocol.js";

/** The lint category that switches the plugin on in the workspace's buf.yaml. */
export const RULES_CATEGORY = "PROTOGOV_RULES";
const RULE_ID = "PROTOGOV_GOVERNANCE";

/** What check-main.ts reads (RulesInput with its Map as entries, for JSON). */
export interface PluginJob {
  files: [string, { rel: string; abs: string }][];
  inScope: string[];
  config: RulesInput["config"];
  configFile: string | undefined;
}

/** What check-main.ts writes: the findings, or why the rules could not run. */
export type PluginOutcome = { findings: Finding[] } | { error: string };

export const JOB_FILE = "job.json";
export const OUTCOME_FILE = "outcome.json";

export interface RulesPlugin {
  /**
   * What buf runs (the `plugin:` entry of buf.yaml): the script through
   * /bin/sh, so a temporary directory mounted `noexec` (common on CI runners)
   * does not matter.
   */
  command: [string, ...string[]];
  /** The findings of the run; call after `buf lint` has exited. */
  collect(compileFailed: boolean): Finding[];
  /** Stops serving (served mode); nothing to do otherwise. */
  dispose(): void;
}

/** Answers buf's CheckRequest bytes with the rules' findings (served mode). */
export type ServeCheck = (request: Buffer) => Promise<Finding[]>;

export function installRulesPlugin(workspaceDir: string, input: RulesInput, serve?: ServeCheck): RulesPlugin {
  const dir = join(workspaceDir, "rules-plugin");
  mkdirSync(dir);
  const job: PluginJob = { files: [...input.files], inScope: input.inScope, config: input.config, configFile: input.configFile };
  writeFileSync(join(dir, JOB_FILE), JSON.stringify(job));
  writeFileSync(join(dir, "spec.bin"), encodeSpec());
  writeFileSync(
    join(dir, "list-rules.bin"),
    encodeListRules([{ id: RULE_ID, categoryIds: [RULES_CATEGORY], purpose: "Checks protogov's governance rules." }]),
  );
  writeFileSync(
    join(dir, "list-categories.bin"),
    encodeListCategories([{ id: RULES_CATEGORY, purpose: "protogov's governance rules (configured in protogov.yaml)." }]),
  );
  const checkMain = fileURLToPath(new URL("./check-main.js", import.meta.url));
  const scriptPath = join(dir, "plugin.sh");
  writeFileSync(scriptPath, script(dir, process.execPath, checkMain));
  // No FIFO (mkfifo missing): the script starts Node for the check instead.
  const served = serve && makeFifo(join(dir, "check.out")) ? serveChecks(dir, serve) : undefined;
  return {
    command: ["/bin/sh", scriptPath],
    collect: (compileFailed) => {
      served?.stop();
      return readOutcome(join(dir, OUTCOME_FILE), compileFailed);
    },
    dispose: () => served?.stop(),
  };
}

/** Watches for the script's check.in, runs the rules on it, writes the outcome and buf's answer. */
function serveChecks(dir: string, serve: ServeCheck): { stop(): void } {
  const out = join(dir, "check.out");
  let answering = false;
  let watcher: FSWatcher | undefined = watch(dir, (_event, name) => {
    if (name !== "check.in" || answering || !existsSync(join(dir, "check.in"))) return;
    answering = true;
    void answer();
  });
  const answer = async () => {
    let outcome: PluginOutcome;
    try {
      outcome = { findings: await serve(readFileSync(join(dir, "check.in"))) };
    } catch (e) {
      outcome = { error: e instanceof Error ? e.message : String(e) };
    }
    writeFileSync(join(dir, OUTCOME_FILE), JSON.stringify(outcome));
    // Opening the FIFO waits for the script's `cat`, which is already reading or about to.
    await writeFile(out, "error" in outcome ? encodeErrorResponse(outcome.error) : encodeEmptyCheckResponse()).catch(() => undefined);
  };
  return {
    stop() {
      watcher?.close();
      watcher = undefined;
      // A writer still waiting for a reader that will never come (buf killed) is released.
      try {
        closeSync(openSync(out, constants.O_RDONLY | constants.O_NONBLOCK));
      } catch {
        // gone with the directory
      }
    },
  };
}

/** pluginrpc calls `--protocol`, `--spec` and the procedures' args, each with `--format binary`. */
function script(dir: string, node: string, checkMain: string): string {
  const d = shQuote(dir);
  return `#!/bin/sh
# protogov's governance rules as a buf check plugin (core/engines/lint/buf-check-plugin/install.ts).
case "$1" in
  --protocol) echo 1 ;;
  --spec) exec cat ${d}/spec.bin ;;
  list-rules) exec cat ${d}/list-rules.bin ;;
  list-categories) exec cat ${d}/list-categories.bin ;;
  check)
    if [ -p ${d}/check.out ]; then
      cat > ${d}/check.in.tmp && mv ${d}/check.in.tmp ${d}/check.in && exec cat ${d}/check.out
    fi
    exec ${shQuote(node)} ${shQuote(checkMain)} ${d} ;;
  *) echo "protogov rules plugin: unexpected call: $*" >&2; exit 2 ;;
esac
`;
}

function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function readOutcome(file: string, compileFailed: boolean): Finding[] {
  if (!existsSync(file)) {
    // buf checks nothing when the files do not compile; any other run must have reached the rules.
    if (compileFailed) return [];
    throw new ToolError("buf lint finished without running protogov's rules", {
      hint: "report this with the output of `protogov --version`; PROTOGOV_LINT_VIA=image runs the rules on an image instead",
    });
  }
  const outcome = JSON.parse(readFileSync(file, "utf8")) as PluginOutcome;
  if ("error" in outcome) {
    throw new ToolError(`protogov's rules failed inside buf lint: ${outcome.error}`, {
      hint: "PROTOGOV_LINT_VIA=image runs the rules outside buf; please report this error",
    });
  }
  return outcome.findings;
}

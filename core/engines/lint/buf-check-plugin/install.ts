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
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ToolError } from "../../../model/errors.js";
import type { Finding } from "../../../model/findings/finding.js";
import type { RulesInput } from "../../rules/engine.js";
import { encodeListCategories, encodeListRules, encodeSpec } from "./protocol.js";

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
}

export function installRulesPlugin(workspaceDir: string, input: RulesInput): RulesPlugin {
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
  return {
    command: ["/bin/sh", scriptPath],
    collect: (compileFailed) => readOutcome(join(dir, OUTCOME_FILE), compileFailed),
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
  check) exec ${shQuote(node)} ${shQuote(checkMain)} ${d} ;;
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

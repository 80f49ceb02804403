/**
 * The buf workspace a lint runs in: the compile workspace plus buf's lint
 * settings and, for lint from sources, protogov's rules as a check plugin.
 * The settings live in the workspace's buf.yaml because `buf lint` on sources
 * reads them from there (a --config would replace the module layout).
 */
import { DEFAULT_LINT_USE, type LintConfig, PIPELINE_RULE_IDS } from "../../model/config/protogov-config.js";
import type { Project } from "../../model/project/project.js";
import { type BufWorkspace, createWorkspace } from "../compile/workspace.js";
import { isProtogovRuleId } from "../rules/rule-ids.js";
import type { RulesInput } from "../rules/rules-input.js";
import { installRulesPlugin, RULES_CATEGORY, type RulesPlugin, type ServeCheck } from "./buf-check-plugin/install.js";

export interface BufLintSettings {
  use: string[];
  except: string[];
  disallow_comment_ignores: boolean;
  /** buf's rule options from buf.yaml (enum_zero_value_suffix, service_suffix, ...). */
  [option: string]: unknown;
}

/** The `lint` section of a buf v2 config for protogov's lint settings. */
export function bufLintSettings(lint: LintConfig): BufLintSettings {
  // buf's rules switched off in protogov.yaml are left out here, so buf does not even run them.
  // protogov's own ids (governance rules, COMPILE, FORMAT) must not reach buf: it rejects ids it does not know.
  const bufs = (id: string) => !isProtogovRuleId(id) && !(PIPELINE_RULE_IDS as readonly string[]).includes(id);
  const off = Object.entries(lint.rules)
    .filter(([id, s]) => s.severity === "off" && bufs(id))
    .map(([id]) => id);
  const use = lint.use.filter(bufs);
  return {
    // A `use` of protogov's ids alone leaves buf nothing: its rules then run as configured by default.
    use: use.length > 0 || lint.use.length === 0 ? use : [...DEFAULT_LINT_USE],
    except: [...lint.except.filter(bufs), ...off],
    ...lint.bufOptions,
    // buf.yaml decides whether `buf:lint:ignore` comments count (v1: opt-in, v2: opt-out); without one they do.
    disallow_comment_ignores: lint.commentIgnores === false,
  };
}

export interface LintWorkspace extends BufWorkspace {
  /** protogov's rules as a buf check plugin, when the workspace was created with them. */
  rulesPlugin: RulesPlugin | undefined;
}

/**
 * `rules`: install protogov's rules as a check plugin that `buf lint` on these
 * sources runs; `serve`: this process answers the plugin's check (see install.ts).
 */
export function createLintWorkspace(project: Project, rules?: RulesInput, serve?: ServeCheck): LintWorkspace {
  let rulesPlugin: RulesPlugin | undefined;
  const ws = createWorkspace(project, {
    configure: (dir) => {
      const lint = bufLintSettings(project.loaded.config.lint);
      if (!rules) return { lint };
      const plugin = installRulesPlugin(dir, rules, serve);
      rulesPlugin = plugin;
      lint.use.push(RULES_CATEGORY);
      return { plugins: [{ plugin: plugin.command }], lint };
    },
  });
  return {
    ...ws,
    rulesPlugin,
    dispose: () => {
      rulesPlugin?.dispose();
      ws.dispose();
    },
  };
}

/**
 * Finds and loads protogov.yaml (upward from the start directory), validates it
 * with precise messages, and fills defaults. Without a protogov.yaml the module
 * layout comes from buf.yaml / buf.work.yaml when present, so users never
 * repeat it.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type { LineCounter, Node } from "yaml";
import { ConfigError } from "../errors.js";
import { readBufChecks } from "./buf-checks.js";
import { readBufLayout } from "./buf-layout.js";
import { configSchema } from "./config-schema.js";
import { parseTargets } from "./parse-targets.js";
import { type AcceptedBreak, defaultConfig, type LoadedConfig, type ProtogovConfig, type RuleSetting } from "./protogov-config.js";
import { checkSchema } from "./schema-check.js";
import { yaml } from "./yaml.js";

type BreakingConfigDeprecation = NonNullable<ProtogovConfig["breaking"]["deprecateBeforeRemove"]>;

export const CONFIG_FILE = "protogov.yaml";
const LAYOUT_FILES = [CONFIG_FILE, "buf.yaml", "buf.work.yaml"];

export interface LoadOptions {
  /** Directory the search starts from. */
  startDir: string;
  /** Explicit config file (--config); no search then. */
  configFile?: string | undefined;
  /**
   * Reads a config file's text; default: from disk. The pre-commit hook passes
   * one that answers with the staged version, so a broken unstaged edit of
   * protogov.yaml does not block a commit of a good staged one.
   */
  read?: ((file: string) => string) | undefined;
}

const readText = (file: string): string => readFileSync(file, "utf8");

export function loadConfig(opts: LoadOptions): LoadedConfig {
  if (opts.configFile !== undefined) {
    const file = resolve(opts.configFile);
    if (!existsSync(file)) {
      throw new ConfigError(`config file ${opts.configFile} does not exist`, {
        hint: "pass an existing protogov.yaml to --config, or run `protogov init` to write one",
      });
    }
    if (statSync(file).isDirectory()) {
      throw new ConfigError(`--config ${opts.configFile} is a directory`, { hint: "pass the protogov.yaml file itself" });
    }
    return fromFile(file, opts.read ?? readText);
  }
  const read = opts.read ?? readText;
  const found = findUpward(opts.startDir);
  if (found?.endsWith(CONFIG_FILE)) return fromFile(found, read);
  const root = found ? dirname(found) : opts.startDir;
  const config = defaultConfig();
  const layout = readBufLayout(root, read);
  if (layout) config.modules = layout.modules;
  const fromBufYaml = applyBufChecks(config, root, read, {});
  return { config, file: undefined, root, layoutSource: layout?.source ?? "default", lineOf: () => undefined, fromBufYaml };
}

/** The nearest directory at or above `start` holding protogov.yaml, buf.yaml or buf.work.yaml. */
function findUpward(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    for (const name of LAYOUT_FILES) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    // A repository boundary ends the search: a config above the repo is not ours.
    if (existsSync(join(dir, ".git"))) return undefined;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

function fromFile(file: string, read: (file: string) => string): LoadedConfig {
  const text = read(file);
  const lines = new (yaml().LineCounter)();
  const doc = yaml().parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const rel = relative(process.cwd(), file) || file;
  const first = doc.errors[0];
  if (first) {
    const line = lines.linePos(first.pos[0]).line;
    throw new ConfigError(`${rel}:${line}: invalid YAML: ${first.message.split("\n")[0]}`, {
      location: { file: rel, line },
      hint: "fix the YAML syntax (indentation, quotes, colons)",
    });
  }
  const root = doc.contents as Node | null;
  if (root === null) return withDefaults({}, file, lines, doc.contents, read);
  const problems = checkSchema(root, configSchema, lines);
  if (problems.length > 0) {
    const list = problems.map((p) => `  ${rel}:${p.line}: ${p.path || "(top)"}: ${p.message}`).join("\n");
    const firstProblem = problems[0];
    throw new ConfigError(`${rel} is invalid:\n${list}`, {
      location: { file: rel, line: firstProblem?.line ?? 1 },
      hint: "see the configuration reference in the README, or run `protogov init` for a commented example",
    });
  }
  return withDefaults(doc.toJSON() as Record<string, unknown>, file, lines, root, read);
}

type Raw = Record<string, unknown>;

function withDefaults(raw: Raw, file: string, lines: LineCounter, rootNode: Node | null, read: (file: string) => string): LoadedConfig {
  const root = dirname(file);
  const config: ProtogovConfig = defaultConfig();
  let layoutSource: LoadedConfig["layoutSource"] = "default";
  const modules = raw["modules"] as { path?: string; excludes?: string[] }[] | undefined;
  if (modules && modules.length > 0) {
    config.modules = modules.map((m) => ({ path: m.path ?? ".", excludes: m.excludes ?? [] }));
    layoutSource = "protogov.yaml";
  } else {
    const layout = readBufLayout(root, read);
    if (layout) {
      config.modules = layout.modules;
      layoutSource = layout.source;
    }
  }
  const lint = (raw["lint"] ?? {}) as Raw;
  if (lint["use"]) config.lint.use = lint["use"] as string[];
  if (lint["except"]) config.lint.except = lint["except"] as string[];
  if (lint["ignore"]) config.lint.ignore = lint["ignore"] as string[];
  if (lint["ignore_only"]) config.lint.ignoreOnly = lint["ignore_only"] as Record<string, string[]>;
  for (const [id, value] of Object.entries((lint["rules"] ?? {}) as Raw)) {
    config.lint.rules[id] = toRuleSetting(value);
  }
  const breaking = (raw["breaking"] ?? {}) as Raw;
  if (breaking["use"]) config.breaking.use = breaking["use"] as string[];
  if (breaking["except"]) config.breaking.except = breaking["except"] as string[];
  if (breaking["accept"]) config.breaking.accept = breaking["accept"] as AcceptedBreak[];
  if (breaking["options"]) config.breaking.options = breaking["options"] as ProtogovConfig["breaking"]["options"];
  if (breaking["semver"]) config.breaking.semver = breaking["semver"] as ProtogovConfig["breaking"]["semver"];
  if (breaking["deprecate_before_remove"]) {
    config.breaking.deprecateBeforeRemove = breaking["deprecate_before_remove"] as BreakingConfigDeprecation;
  }
  config.owners = (raw["owners"] ?? {}) as Record<string, string>;
  if (typeof raw["baseline"] === "string") config.baseline = raw["baseline"];
  // Each listed level replaces its default words; unlisted levels keep theirs.
  config.stability = { ...config.stability, ...((raw["stability"] ?? {}) as Partial<ProtogovConfig["stability"]>) };
  config.errorRanges = (raw["error_ranges"] ?? {}) as Record<string, { min: number; max: number }>;
  checkRangeOrder(config.errorRanges, rootNode, lines, relative(process.cwd(), file) || file);
  const targetsNode = yaml().isMap(rootNode) ? (rootNode.get("targets", true) as Node | undefined) : undefined;
  config.targets = parseTargets(raw["targets"], targetsNode, lines, relative(process.cwd(), file) || file);
  const fromBufYaml = applyBufChecks(config, root, read, raw);
  return { config, file, root, layoutSource, lineOf: (path) => lineOfKey(rootNode, path, lines), fromBufYaml };
}

/**
 * buf.yaml's lint and breaking settings for the sections protogov.yaml leaves
 * unset (buf-checks.ts); returns which sections came from buf.yaml.
 */
function applyBufChecks(config: ProtogovConfig, root: string, read: (file: string) => string, raw: Raw): ("lint" | "breaking")[] {
  const buf = readBufChecks(root, read);
  if (!buf) return [];
  const taken: ("lint" | "breaking")[] = [];
  if (buf.lint && raw["lint"] === undefined) {
    const { use, except, ...rest } = buf.lint;
    config.lint = { ...config.lint, ...rest, ...(use.length > 0 ? { use } : {}), except };
    taken.push("lint");
  }
  if (buf.breaking && raw["breaking"] === undefined) {
    const { use, ...rest } = buf.breaking;
    config.breaking = { ...config.breaking, ...rest, ...(use.length > 0 ? { use } : {}), bufVersion: buf.version };
    taken.push("breaking");
  }
  return taken;
}

/**
 * A range whose min lies above its max is a mistake in protogov.yaml, not in the
 * protos: without this every error number of the domain would be reported as
 * outside it.
 */
function checkRangeOrder(
  ranges: Record<string, { min: number; max: number }>,
  rootNode: Node | null,
  lines: LineCounter,
  rel: string,
): void {
  const rangesNode = yaml().isMap(rootNode) ? rootNode.get("error_ranges", true) : undefined;
  const problems: string[] = [];
  let firstLine: number | undefined;
  for (const [domain, range] of Object.entries(ranges)) {
    if (range.min === undefined || range.max === undefined || range.min <= range.max) continue;
    const pair = yaml().isMap(rangesNode)
      ? rangesNode.items.find((p) => yaml().isScalar(p.key) && String(p.key.value) === domain)
      : undefined;
    const offset = (pair?.key as Node | undefined)?.range?.[0];
    const line = offset === undefined ? undefined : lines.linePos(offset).line;
    firstLine ??= line;
    problems.push(`  ${rel}${line ? `:${line}` : ""}: error_ranges.${domain}: min ${range.min} is above max ${range.max}`);
  }
  if (problems.length === 0) return;
  throw new ConfigError(`${rel} is invalid:\n${problems.join("\n")}`, {
    location: { file: rel, ...(firstLine ? { line: firstLine } : {}) },
    hint: "swap min and max, or give the domain the range it was allocated",
  });
}

function toRuleSetting(value: unknown): RuleSetting {
  if (typeof value === "string") return { severity: value as RuleSetting["severity"] & string, options: {} };
  const { severity, ...options } = (value ?? {}) as Raw;
  return severity === undefined ? { options } : { severity: severity as "error" | "warn" | "off", options };
}

/** Line of a dotted key path such as `lint.rules.FOO`, for messages about valid YAML with invalid meaning. */
function lineOfKey(node: Node | null, path: string, lines: LineCounter): number | undefined {
  let current: Node | null = node;
  let line: number | undefined;
  for (const key of path.split(".")) {
    if (!yaml().isMap(current)) return line;
    const pair = current.items.find((p) => yaml().isScalar(p.key) && String(p.key.value) === key);
    if (!pair) return line;
    const keyNode = pair.key as Node;
    if (keyNode.range) line = lines.linePos(keyNode.range[0]).line;
    current = pair.value as Node | null;
  }
  return line;
}

/**
 * Plugin options as data: every option of every protogov plugin has a kind, a
 * description and a default, and the parameter string (`a=1,b=x`) is checked
 * against them before any generation. An unknown or malformed option is
 * answered with the list of valid ones, the built-in options of
 * @bufbuild/protoplugin included (they are declared here too, so the list is
 * complete and the check happens in one place).
 */
import { didYouMean } from "../core/model/config/did-you-mean.js";

export type OptionKind = "boolean" | "string" | "list";

export interface PluginOptionSpec {
  kind: OptionKind;
  description: string;
  /** Shown in the list of valid options; `list` options default to empty. */
  default: string | boolean;
  /** The accepted values, when there is a fixed set (checked before `check`). */
  values?: readonly string[];
  /** Extra validation of one value; returns why it is wrong. */
  check?: (value: string) => string | undefined;
}

export type OptionSpecs = Readonly<Record<string, PluginOptionSpec>>;

type ValueOf<S extends PluginOptionSpec> = S["kind"] extends "boolean" ? boolean : S["kind"] extends "list" ? string[] : string;
export type OptionValues<S extends OptionSpecs> = { -readonly [K in keyof S]: ValueOf<S[K]> };

/** Keeps the literal kinds, so `OptionValues` of the result is precise. */
export function defineOptions<const S extends OptionSpecs>(specs: S): S {
  return specs;
}

/** A bad plugin parameter; the message lists every valid option. */
export class PluginOptionsError extends Error {
  override name = "PluginOptionsError";
}

const BOOLEAN_VALUES = ["true", "false", "1", "0"] as const;
const mapping = (value: string) => (/^[^:]+:.+$/.test(value) ? undefined : "must be <pattern>:<target>");

/** The options @bufbuild/protoplugin parses itself for every plugin built on it. */
export const ECMASCRIPT_OPTIONS = defineOptions({
  target: {
    kind: "string",
    description: "files to generate: ts, js, dts, joined with +",
    default: "js+dts",
    check: (v) => (v.split("+").every((t) => t === "ts" || t === "js" || t === "dts") ? undefined : "must be ts, js, dts joined with +"),
  },
  import_extension: {
    kind: "string",
    description: "extension of relative imports",
    default: "none",
    values: ["none", "js", "ts", ".js", ".ts"],
  },
  js_import_style: {
    kind: "string",
    description: "import style of generated .js files",
    default: "module",
    values: ["module", "legacy_commonjs"],
  },
  ts_nocheck: { kind: "boolean", description: "add // @ts-nocheck to generated files", default: false },
  keep_empty_files: { kind: "boolean", description: "write files that have no content", default: false },
  elide_plugin_version: { kind: "boolean", description: "leave the plugin version out of the file header", default: false },
  bootstrap_wkt: { kind: "boolean", description: "generate well-known types as if they were regular files", default: false },
  rewrite_imports: { kind: "list", description: "rewrite import paths, <pattern>:<target>", default: "", check: mapping },
  map_imports: { kind: "list", description: "map import paths, <pattern>:<target>", default: "", check: mapping },
});

/** Parses `key=value,key2` into typed values with defaults; throws PluginOptionsError listing valid options. */
export function parseOptions<S extends OptionSpecs>(pluginName: string, parameter: string, specs: S): OptionValues<S> {
  const values: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(specs)) values[key] = spec.kind === "list" ? [] : spec.default;
  const problems: string[] = [];
  for (const raw of parameter.split(",").filter((p) => p.length > 0)) {
    const eq = raw.indexOf("=");
    const key = eq < 0 ? raw : raw.slice(0, eq);
    const value = eq < 0 ? "" : raw.slice(eq + 1);
    const spec = specs[key];
    if (!spec) {
      const guess = didYouMean(key, Object.keys(specs));
      problems.push(`unknown option "${key}"${guess ? ` (did you mean "${guess}"?)` : ""}`);
      continue;
    }
    const allowed = spec.kind === "boolean" ? BOOLEAN_VALUES : spec.values;
    const why = allowed && !allowed.includes(value) ? `must be one of ${allowed.join(", ")}` : spec.check?.(value);
    if (why) {
      problems.push(`invalid value "${value}" for option "${key}": ${why}`);
    } else if (spec.kind === "list") {
      (values[key] as string[]).push(value);
    } else {
      values[key] = spec.kind === "boolean" ? value === "true" || value === "1" : value;
    }
  }
  if (problems.length > 0) throw new PluginOptionsError(`${pluginName}: ${problems.join("; ")}\n${describeOptions(specs)}`);
  return values as OptionValues<S>;
}

/** The list of valid options, one per line, for errors and `--help`. */
export function describeOptions(specs: OptionSpecs): string {
  const rows = Object.entries(specs).map(([key, spec]) => {
    const form = spec.kind === "boolean" ? `${key}=true|false` : spec.values ? `${key}=${spec.values.join("|")}` : `${key}=<${spec.kind}>`;
    const dflt = spec.default === "" ? "" : ` (default: ${String(spec.default)})`;
    return [form, `${spec.description}${dflt}`] as const;
  });
  const width = Math.max(...rows.map(([form]) => form.length));
  return ["valid options:", ...rows.map(([form, text]) => `  ${form.padEnd(width)}  ${text}`)].join("\n");
}

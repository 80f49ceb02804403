/**
 * Turns the validated `targets` list of protogov.yaml into TargetConfig
 * objects with defaults, and checks what the schema cannot: required keys,
 * unique names, publish settings that fit the language. Every problem is
 * reported at once with its line.
 */
import type { LineCounter, Node } from "yaml";
import { ConfigError } from "../errors.js";
import { PROTOC_BUILTINS } from "./protoc-builtins.js";
import type { GitPublishConfig, NpmPublishConfig, TargetConfig, TargetLanguage, TargetPlugin } from "./target-config.js";
import { yaml } from "./yaml.js";

type Raw = Record<string, unknown>;

const NPM_NAME = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;
/** composer's own rule for package names. */
const COMPOSER_NAME = /^[a-z0-9]([_.-]?[a-z0-9]+)*\/[a-z0-9](([_.]|-{1,2})?[a-z0-9]+)*$/;

export function parseTargets(raw: unknown, node: Node | null | undefined, lines: LineCounter, rel: string): TargetConfig[] {
  if (!Array.isArray(raw)) return [];
  const items = yaml().isSeq(node) ? (node.items as Node[]) : [];
  const lineOf = (i: number, key?: string): number | undefined => {
    const item = items[i];
    if (!item) return undefined;
    const keyed = key && yaml().isMap(item) ? item.items.find((p) => (p.key as { value?: unknown } | null)?.value === key)?.key : undefined;
    const at = (keyed ?? item) as Node;
    return at.range ? lines.linePos(at.range[0]).line : undefined;
  };
  const problems: { line: number | undefined; message: string }[] = [];
  const seen = new Map<string, number>();
  const targets: TargetConfig[] = [];
  raw.forEach((entry, i) => {
    const t = (entry ?? {}) as Raw;
    const problem = (message: string, key?: string) => problems.push({ line: lineOf(i, key), message: `targets[${i}]: ${message}` });
    const name = typeof t["name"] === "string" ? t["name"] : "";
    if (!name) problem('missing "name"');
    else if (seen.has(name)) problem(`duplicate target name "${name}" (also targets[${seen.get(name)}])`, "name");
    else seen.set(name, i);
    const language = t["language"] as TargetLanguage | undefined;
    if (!language) problem('missing "language"');
    const goRaw = t["go"] as Raw | undefined;
    const plugins = ((t["plugins"] ?? []) as Raw[]).map(toPlugin);
    if (language === "go" && typeof goRaw?.["module"] !== "string") problem('a go target needs "go: { module: <module path> }"', "go");
    if (goRaw && language !== "go") problem(`"go" needs language "go", not "${language ?? ""}"`, "go");
    if (typeof goRaw?.["module"] === "string" && /\/v\d+$/.test(goRaw["module"])) {
      problem(`go.module "${goRaw["module"]}" ends in a major version: leave it out, protogov appends /vN from v2 on`, "go");
    }
    const pythonRaw = t["python"] as Raw | undefined;
    const mavenRaw = t["maven"] as Raw | undefined;
    if (pythonRaw && language !== "python") problem(`"python" needs language "python", not "${language ?? ""}"`, "python");
    if (mavenRaw && language !== "java") problem(`"maven" needs language "java", not "${language ?? ""}"`, "maven");
    if (mavenRaw && typeof mavenRaw["group_id"] !== "string")
      problem('maven: missing "group_id" (artifact_id defaults to the target name)', "maven");
    if (plugins.length === 0) problem('no "plugins": list at least one, e.g. "- name: es"');
    plugins.forEach((p, j) => {
      if (!p.name) problem(`plugins[${j}]: missing "name"`, "plugins");
    });
    const pkg = t["package"] as Raw | undefined;
    const publish = (t["publish"] ?? {}) as Raw;
    const npmRaw = publish["npm"] as Raw | undefined;
    const gitRaw = publish["git"] as Raw | undefined;
    if (npmRaw) {
      if (language !== "typescript") problem(`publish.npm needs language "typescript", not "${language ?? ""}"`, "publish");
      if (typeof npmRaw["registry"] !== "string") problem('publish.npm: missing "registry" (the registry URL)', "publish");
    }
    if (language === "typescript" && !plugins.some((p) => p.name === "es")) {
      problem('a typescript target needs the "es" plugin (protoc-gen-es): add "- name: es"', "plugins");
    }
    if (gitRaw && typeof gitRaw["url"] !== "string") problem('publish.git: missing "url"', "publish");
    const protocPlugins = plugins.filter((p) => PROTOC_BUILTINS.has(p.name)).map((p) => p.name);
    if (language === "typescript" && protocPlugins.length > 0) {
      problem(`protoc built-in ${protocPlugins.join(", ")} does not belong in a typescript package: give it its own target`, "plugins");
    }
    // A php target's typed errors are PHP: `errors` defaults to lang=php there, and refuses another language.
    for (const plugin of language === "php" ? plugins.filter((p) => p.name === "errors") : []) {
      plugin.options["lang"] ??= "php";
      if (plugin.options["lang"] !== "php")
        problem(`the errors plugin of a php target generates lang=php, not "${plugin.options["lang"]}"`, "plugins");
    }
    // A go target that lists connect-go gets the typed errors' connect-go file too (protogov_errors_connect.go);
    // `connect: false` on the errors plugin keeps it out.
    if (language === "go" && plugins.some((p) => p.name === "connect-go")) {
      for (const plugin of plugins.filter((p) => p.name === "errors" && p.options["lang"] === "go")) plugin.options["connect"] ??= "true";
    }
    const packageName = pkg?.["name"];
    if (language === "php" && (typeof packageName !== "string" || !COMPOSER_NAME.test(packageName))) {
      problem('a php target needs package.name, its composer name "vendor/package" (e.g. "acme/apis")', "package");
    } else if (language === "typescript" && typeof packageName === "string" && !NPM_NAME.test(packageName)) {
      problem(`package.name "${packageName}" is not an npm package name (a scope starts with @)`, "package");
    }
    const version = (t["version"] ?? {}) as Raw;
    targets.push({
      name,
      language: language ?? "other",
      plugins,
      out: typeof t["out"] === "string" ? t["out"] : `gen/${name}`,
      package:
        language === "typescript" || language === "php"
          ? { name: (pkg?.["name"] as string | undefined) ?? name, description: (pkg?.["description"] as string | undefined) ?? "" }
          : undefined,
      go: language === "go" && typeof goRaw?.["module"] === "string" ? { module: goRaw["module"] } : undefined,
      python:
        language === "python" && pythonRaw
          ? {
              name: (pythonRaw?.["name"] as string | undefined) ?? name,
              description: (pythonRaw?.["description"] as string | undefined) ?? "",
            }
          : undefined,
      maven:
        language === "java" && typeof mavenRaw?.["group_id"] === "string"
          ? {
              groupId: mavenRaw["group_id"],
              artifactId: (mavenRaw["artifact_id"] as string | undefined) ?? name,
              description: (mavenRaw["description"] as string | undefined) ?? "",
            }
          : undefined,
      version: { initial: (version["initial"] as string | undefined) ?? "0.1.0", prerelease: version["prerelease"] as string | undefined },
      publish: { npm: npmRaw ? toNpm(npmRaw) : undefined, git: gitRaw ? toGit(gitRaw, language) : undefined },
      line: lineOf(i),
    });
  });
  if (problems.length > 0) {
    const list = problems.map((p) => `  ${rel}:${p.line ?? 1}: ${p.message}`).join("\n");
    throw new ConfigError(`${rel} is invalid:\n${list}`, {
      location: { file: rel, line: problems[0]?.line ?? 1 },
      hint: 'see "Publishing" in the README (docs/publishing.md) for a complete targets example',
    });
  }
  return targets;
}

function toPlugin(raw: Raw): TargetPlugin {
  const options: Record<string, string> = {};
  for (const [k, v] of Object.entries((raw["options"] ?? {}) as Raw)) options[k] = String(v);
  return { name: typeof raw["name"] === "string" ? raw["name"] : "", options, out: typeof raw["out"] === "string" ? raw["out"] : "" };
}

function toNpm(raw: Raw): NpmPublishConfig {
  return {
    registry: String(raw["registry"] ?? ""),
    access: raw["access"] as NpmPublishConfig["access"],
    tokenEnv: (raw["token_env"] as string | undefined) ?? "NPM_TOKEN",
    distTag: (raw["dist_tag"] as string | undefined) ?? "latest",
  };
}

function toGit(raw: Raw, language: TargetLanguage | undefined): GitPublishConfig {
  const directory = (raw["directory"] as string | undefined) ?? ".";
  const sub = directory.replace(/^\.\/+/, "").replace(/\/+$/, "");
  return {
    url: String(raw["url"] ?? ""),
    branch: (raw["branch"] as string | undefined) ?? "main",
    directory,
    // The Go tool finds a module's versions in a sub-directory under tags `<dir>/vX.Y.Z`.
    tagPrefix: language === "go" && sub !== "" && sub !== "." ? `${sub}/v` : "v",
    tokenEnv: raw["token_env"] as string | undefined,
    tag: (raw["tag"] as boolean | undefined) ?? true,
    replaceForeign: (raw["replace_foreign"] as boolean | undefined) ?? false,
  };
}

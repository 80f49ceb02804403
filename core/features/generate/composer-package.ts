/**
 * Turns a PHP target's generated files into a composer package: a
 * `composer.json` next to them with the name from the config, the version of
 * the release (left out outside a release: composer then reads it from the
 * git tag), PSR-4 autoloading for the namespaces the files declare, and the
 * protobuf runtime the message classes were generated for. The typed errors
 * (lang=php) need no package: their google.rpc codec is generated with them.
 */
import { posix } from "node:path";
import type { TargetConfig } from "../../model/config/target-config.js";
import { PROTOGOV_VERSION } from "../../model/version.js";
import type { ReleaseInfo } from "./npm-package.js";
import type { FileMap } from "./run-plugins.js";

/**
 * The google/protobuf runtime for the message classes of Debian's protoc 3.21.12 (the
 * protoc protogov runs for `php`); the same major, at least the generator's version.
 */
export const PHP_PROTOBUF_RUNTIME = "^3.21.12";
/** The oldest PHP the generated errors run on (mixed, union types, `$object::class`). */
export const PHP_VERSION = ">=8.0";

export function buildComposerPackage(target: TargetConfig, generated: FileMap, release: ReleaseInfo | undefined): FileMap {
  const { psr4, classmap } = autoload(generated);
  const usesProtobuf = [...generated.keys()].some((name) => name.startsWith("GPBMetadata/") || name.includes("/GPBMetadata/"));
  const manifest = {
    name: target.package?.name ?? target.name,
    description: target.package?.description || `Generated Protobuf API classes and typed errors (${target.name})`,
    type: "library",
    ...(release ? { version: release.version } : {}),
    require: { php: PHP_VERSION, ...(usesProtobuf ? { "google/protobuf": PHP_PROTOBUF_RUNTIME } : {}) },
    autoload: { "psr-4": psr4, ...(classmap.length > 0 ? { classmap } : {}) },
    extra: {
      protogov: {
        target: target.name,
        generator: PROTOGOV_VERSION,
        ...(release?.sourceCommit ? { sourceCommit: release.sourceCommit } : {}),
      },
    },
  };
  const files: FileMap = new Map(generated);
  files.set("composer.json", new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
  return files;
}

/**
 * PSR-4 prefixes from the `namespace` each PHP file declares: a file whose directory spells its
 * namespace (protoc's layout) is covered by its first segment (`Acme\` -> `Acme/`); any other
 * namespaced file gets its own prefix; files without a namespace go to the classmap.
 */
function autoload(generated: FileMap): { psr4: Record<string, string | string[]>; classmap: string[] } {
  const psr4 = new Map<string, Set<string>>();
  const classmap = new Set<string>();
  const add = (prefix: string, dir: string) => psr4.set(prefix, (psr4.get(prefix) ?? new Set()).add(dir));
  for (const [name, content] of generated) {
    if (!name.endsWith(".php")) continue;
    const namespace = /^namespace\s+([^;\s]+)\s*;/m.exec(new TextDecoder().decode(content))?.[1];
    const dir = posix.dirname(name);
    if (namespace === undefined) {
      classmap.add(dir === "." ? name : `${dir}/`);
      continue;
    }
    const path = namespace.replaceAll("\\", "/");
    const top = namespace.split("\\")[0] ?? namespace;
    if (dir === path || dir.endsWith(`/${path}`)) add(`${top}\\`, `${dir.slice(0, dir.length - path.length)}${top}/`);
    else add(`${namespace}\\`, `${dir}/`);
  }
  const entries = [...psr4].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    psr4: Object.fromEntries(entries.map(([prefix, dirs]) => [prefix, dirs.size === 1 ? ([...dirs][0] ?? "") : [...dirs].sort()])),
    classmap: [...classmap].sort(),
  };
}

/**
 * Reads the module layout from an existing buf.yaml (v1 or v2) or buf.work.yaml,
 * so a repository already set up for buf needs no protogov.yaml at all.
 * The layout is taken here (module paths and excludes; v1beta1's build.roots
 * too); lint and breaking settings are read by buf-checks.ts.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { ConfigError } from "../errors.js";
import type { ModuleConfig } from "./protogov-config.js";
import { yaml } from "./yaml.js";

export interface BufLayout {
  modules: ModuleConfig[];
  source: "buf.yaml" | "buf.work.yaml";
}

export function readBufLayout(root: string, read: (file: string) => string = (f) => readFileSync(f, "utf8")): BufLayout | undefined {
  const work = join(root, "buf.work.yaml");
  if (existsSync(work)) {
    const raw = parseYaml(work, read) as { directories?: unknown };
    const dirs = Array.isArray(raw?.directories) ? raw.directories.filter((d) => typeof d === "string") : [];
    if (dirs.length === 0) throw new ConfigError("buf.work.yaml lists no directories", { location: { file: work } });
    return { modules: dirs.map((path) => ({ path, excludes: [] })), source: "buf.work.yaml" };
  }
  const bufYaml = join(root, "buf.yaml");
  if (!existsSync(bufYaml)) return undefined;
  const raw = (parseYaml(bufYaml, read) ?? {}) as {
    version?: string;
    modules?: { path?: string; excludes?: string[] }[];
    build?: { excludes?: string[] };
  };
  if (raw.version === "v2" && Array.isArray(raw.modules) && raw.modules.length > 0) {
    return {
      // buf v2 writes excludes relative to buf.yaml (`proto/vendor`); protogov's are relative to the module.
      modules: raw.modules.map((m) => {
        const path = m.path ?? ".";
        return { path, excludes: (m.excludes ?? []).map((e) => posix.relative(path, e) || ".") };
      }),
      source: "buf.yaml",
    };
  }
  // v1beta1 lists its module roots under build.roots; excludes are relative to buf.yaml there.
  const roots = raw.version === "v1beta1" ? ((raw.build as { roots?: unknown } | undefined)?.roots ?? []) : [];
  if (Array.isArray(roots) && roots.length > 0) {
    const excludes = raw.build?.excludes ?? [];
    return {
      modules: roots
        .filter((r): r is string => typeof r === "string")
        .map((path) => ({ path, excludes: excludes.filter((e) => e.startsWith(`${path}/`)).map((e) => posix.relative(path, e)) })),
      source: "buf.yaml",
    };
  }
  // v1 (and v2 without modules): the directory itself is the module.
  return { modules: [{ path: ".", excludes: raw.build?.excludes ?? [] }], source: "buf.yaml" };
}

function parseYaml(file: string, read: (file: string) => string): unknown {
  try {
    return yaml().parse(read(file));
  } catch (e) {
    throw new ConfigError(`${file} is not valid YAML: ${(e as Error).message.split("\n")[0]}`, {
      location: { file },
      hint: "fix the YAML syntax; protogov reads the module layout from it",
    });
  }
}

/**
 * Publishing one npm package directory: an existing version is skipped, never
 * overwritten, so re-running a release is harmless. The errors runtime the
 * generated code imports is published to the same registry first when it is
 * missing there, so the package is installable the moment it appears.
 */

import { installedPackage } from "../targets/runtime-deps.js";
import type { NpmPublishConfig } from "../targets/types.js";
import { lastPublished, type NpmRegistry, npmErrorCode, registryError, runNpm } from "./npm-registry.js";
import type { Secrets } from "./secrets.js";

export type NpmOutcome = "published" | "exists";

export function registryOf(npm: NpmPublishConfig): NpmRegistry {
  return { url: npm.registry, tokenEnv: npm.tokenEnv };
}

export async function versionExists(name: string, version: string, registry: NpmRegistry, secrets: Secrets): Promise<boolean> {
  const r = await runNpm(["view", `${name}@${version}`, "version", "--json"], registry, secrets);
  if (r.code !== 0) {
    if (npmErrorCode(r) === "E404") return false;
    throw registryError(`npm view ${name}@${version}`, r, registry);
  }
  return r.stdout.includes(`"${version}"`);
}

export async function publishDir(
  dir: string,
  id: { name: string; version: string },
  npm: NpmPublishConfig,
  secrets: Secrets,
): Promise<NpmOutcome> {
  const registry = registryOf(npm);
  if (await versionExists(id.name, id.version, registry, secrets)) return "exists";
  const r = await runNpm(["publish", dir, "--access", npm.access, "--tag", npm.distTag, "--ignore-scripts"], registry, secrets);
  if (r.code === 0) return "published";
  // Another run published the same version between our check and our publish.
  if (npmErrorCode(r) === "EPUBLISHCONFLICT" || /cannot publish over|previously published/i.test(r.stderr)) return "exists";
  throw registryError(`npm publish ${id.name}@${id.version}`, r, registry);
}

/** Publishes @protogov/errors-runtime (the installed version) when the registry lacks it. */
export async function ensureErrorsRuntime(
  npm: NpmPublishConfig,
  secrets: Secrets,
): Promise<{ name: string; version: string; outcome: NpmOutcome }> {
  const runtime = installedPackage("@protogov/errors-runtime");
  const outcome = await publishDir(runtime.dir, runtime, { ...npm, access: "public", distTag: "latest" }, secrets);
  return { name: runtime.name, version: runtime.version, outcome };
}

export { lastPublished };

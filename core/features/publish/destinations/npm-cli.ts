/**
 * The npm CLI against one registry with a token from the environment. The
 * token is never written anywhere: a temporary .npmrc outside the package
 * refers to it as `${ENV_NAME}` (npm expands it), the package's own and the
 * user's .npmrc are not read, and every line npm prints is scrubbed.
 *
 * Publishing never overwrites: an existing version is skipped, so re-running
 * a release is harmless. The errors runtime the generated code imports is
 * published to the same registry first when it is missing there, so the
 * package is installable the moment it appears.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { NpmPublishConfig } from "../../../model/config/target-config.js";
import { ToolError } from "../../../model/errors.js";
import { childEnv, removeTemp, tempDir, trackChild } from "../../../model/fs/lifecycle.js";
import { installedPackage } from "../../generate/compile-ts.js";
import type { Secrets } from "../secrets.js";

export interface NpmRegistry {
  url: string;
  tokenEnv: string;
}

export interface NpmResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs npm with a private userconfig for the registry; output is already scrubbed. */
export async function runNpm(args: string[], registry: NpmRegistry, secrets: Secrets, cwd?: string): Promise<NpmResult> {
  const dir = tempDir("protogov-npm-");
  try {
    const url = registry.url.endsWith("/") ? registry.url : `${registry.url}/`;
    const authKey = url.replace(/^https?:/, "");
    writeFileSync(join(dir, ".npmrc"), `registry=${url}\n${authKey}:_authToken=\${${registry.tokenEnv}}\n`, { mode: 0o600 });
    const env: NodeJS.ProcessEnv = {
      ...childEnv(),
      npm_config_userconfig: join(dir, ".npmrc"),
      npm_config_globalconfig: join(dir, "none"),
    };
    for (const key of Object.keys(env)) if (/^npm_config_(registry|.*_authtoken|_auth)$/i.test(key)) delete env[key];
    env[registry.tokenEnv] = process.env[registry.tokenEnv] ?? "";
    const full = [...args, "--registry", url, "--userconfig", join(dir, ".npmrc"), "--no-audit", "--no-fund", "--loglevel", "warn"];
    return await new Promise((resolve, reject) => {
      const child = trackChild(
        spawn(process.platform === "win32" ? "npm.cmd" : "npm", full, {
          detached: true,
          cwd: cwd ?? dir,
          env,
          stdio: ["ignore", "pipe", "pipe"],
        }),
      );
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on("data", (b: Buffer) => out.push(b));
      child.stderr.on("data", (b: Buffer) => err.push(b));
      child.on("error", (e) =>
        reject(new ToolError(`could not run npm: ${e.message}`, { hint: "install Node.js with npm and put it on PATH" })),
      );
      child.on("close", (code) =>
        resolve({
          code: code ?? 1,
          stdout: secrets.scrub(Buffer.concat(out).toString("utf8")),
          stderr: secrets.scrub(Buffer.concat(err).toString("utf8")),
        }),
      );
    });
  } finally {
    removeTemp(dir);
  }
}

/** The npm error code (E404, E401, EPUBLISHCONFLICT...) in npm's output, if any. */
export function npmErrorCode(result: NpmResult): string | undefined {
  return /npm error code (\w+)/.exec(result.stderr)?.[1] ?? /"code":\s*"(\w+)"/.exec(result.stdout)?.[1];
}

/** The first meaningful lines of npm's error output, for messages. */
export function npmErrorText(result: NpmResult): string {
  const lines = result.stderr
    .split("\n")
    .map((l) => l.replace(/^npm (error|ERR!)\s*/, "").trim())
    .filter((l) => l && !/^(A complete log|code \w+$|Unknown user config)/.test(l) && !l.startsWith("npm warn"));
  return lines.slice(0, 3).join("; ") || `npm exited with ${result.code}`;
}

export interface PublishedInfo {
  version: string;
  sourceCommit: string | undefined;
  /** The generated output's fingerprint (targets/content-hash.ts), for releases that record it. */
  contentHash: string | undefined;
  versions: string[];
}

/** The latest published version and the source commit it records; undefined when the package does not exist. */
export async function lastPublished(name: string, registry: NpmRegistry, secrets: Secrets): Promise<PublishedInfo | undefined> {
  const r = await runNpm(["view", name, "--json"], registry, secrets);
  const code = npmErrorCode(r);
  if (r.code !== 0) {
    if (code === "E404") return undefined;
    throw registryError(`npm view ${name}`, r, registry);
  }
  const info = JSON.parse(r.stdout || "{}") as {
    version?: string;
    versions?: string[] | string;
    protogov?: { sourceCommit?: string; contentHash?: string };
  };
  if (!info.version) return undefined;
  const versions = Array.isArray(info.versions) ? info.versions : info.versions ? [info.versions] : [info.version];
  return { version: info.version, sourceCommit: info.protogov?.sourceCommit, contentHash: info.protogov?.contentHash, versions };
}

export function registryError(what: string, r: NpmResult, registry: NpmRegistry): ToolError {
  const code = npmErrorCode(r);
  if (code === "E401" || code === "E403" || code === "ENEEDAUTH") {
    return new ToolError(
      `${what}: the registry ${registry.url} rejected the token in $${registry.tokenEnv} (${code}): ${npmErrorText(r)}`,
      {
        hint: `check that $${registry.tokenEnv} holds a valid token with publish rights on ${registry.url}`,
      },
    );
  }
  return new ToolError(`${what} failed${code ? ` (${code})` : ""}: ${npmErrorText(r)}`, {
    hint: `check that ${registry.url} is reachable and the package name is allowed there`,
  });
}

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
  const r = await runNpm(
    ["publish", dir, ...(npm.access ? ["--access", npm.access] : []), "--tag", npm.distTag, "--ignore-scripts"],
    registry,
    secrets,
  );
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

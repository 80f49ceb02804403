/**
 * Reads one file back from a published npm package, so a release can carry
 * the last release's CHANGELOG.md forward on an npm-only target as the git
 * destination does from its tagged tree. `npm pack name@version` fetches the
 * tarball with the same registry and token as every other npm call; the tar
 * is read here (a ustar walk over the gunzipped bytes) rather than by a
 * `tar` binary the machine may lack.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { removeTemp, tempDir } from "../../../model/fs/lifecycle.js";
import type { Secrets } from "../secrets.js";
import { type NpmRegistry, registryError, runNpm } from "./npm-cli.js";

const BLOCK = 512;

/** `path` inside the package (e.g. `CHANGELOG.md`) of `name@version`, or undefined when the package has none. */
export async function publishedFile(
  name: string,
  version: string,
  path: string,
  registry: NpmRegistry,
  secrets: Secrets,
): Promise<string | undefined> {
  const dir = tempDir("protogov-npm-pack-");
  try {
    const r = await runNpm(["pack", `${name}@${version}`, "--pack-destination", dir], registry, secrets, dir);
    if (r.code !== 0) throw registryError(`npm pack ${name}@${version}`, r, registry);
    const tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"));
    if (!tarball) return undefined;
    const bytes = fileInTar(gunzipSync(readFileSync(join(dir, tarball))), `package/${path}`);
    return bytes ? new TextDecoder().decode(bytes) : undefined;
  } finally {
    removeTemp(dir);
  }
}

/** The content of a regular file in a (ustar or GNU) tar archive. */
export function fileInTar(tar: Uint8Array, wanted: string): Uint8Array | undefined {
  const text = (from: number, length: number) => new TextDecoder().decode(tar.subarray(from, from + length)).replace(/\0.*$/s, "");
  let longName: string | undefined;
  for (let at = 0; at + BLOCK <= tar.length; ) {
    const name = text(at, 100);
    if (name === "") return undefined; // the two zero blocks that end the archive
    const size = Number.parseInt(text(at + 124, 12).trim() || "0", 8);
    const type = text(at + 156, 1);
    const prefix = text(at + 345, 155);
    const body = at + BLOCK;
    const full = longName ?? (prefix ? `${prefix}/${name}` : name);
    longName = undefined;
    if (type === "L") longName = text(body, size);
    else if ((type === "0" || type === "") && full === wanted) return tar.slice(body, body + size);
    at = body + Math.ceil(size / BLOCK) * BLOCK;
  }
  return undefined;
}

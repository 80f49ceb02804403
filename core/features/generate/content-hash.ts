/**
 * A fingerprint of a target's generated output that ignores what only a
 * release changes (the version, the source commit, the README that shows
 * them). Each release records it (npm: `protogov.contentHash` in
 * package.json; git: a `Protogov-Content-Hash` trailer), so `publish` can tell
 * a tree whose API did not change but whose generated code did (a protogov
 * upgrade, new plugin options) and release it as a patch instead of never.
 */
import { createHash } from "node:crypto";
import type { FileMap } from "./run-plugins.js";

/** Files that only carry release metadata, or are rebuilt from it. */
const RELEASE_ONLY = new Set(["README.md", "protogov.json", "CHANGELOG.md"]);
/** Package manifests that carry the version and protogov's bookkeeping (composer's under `extra`). */
const MANIFESTS = new Set(["package.json", "composer.json"]);

/** Lines of a Python or Maven package's metadata that only a release sets (version, source commit, this hash). */
const RELEASE_LINES: Readonly<Record<string, RegExp>> = {
  "pyproject.toml": /^(version|source-commit|content-hash) = .*\n/gm,
  "pom.xml": /^ {2}<version>.*<\/version>\n|^ {4}<protogov\.sourceCommit>.*\n/gm,
};

export function contentHash(files: FileMap): string {
  const hash = createHash("sha256");
  for (const name of [...files.keys()].sort()) {
    if (RELEASE_ONLY.has(name)) continue;
    const raw = files.get(name) ?? new Uint8Array();
    const lines = RELEASE_LINES[name];
    const bytes = MANIFESTS.has(name)
      ? new TextEncoder().encode(withoutReleaseFields(raw))
      : lines
        ? new TextEncoder().encode(new TextDecoder().decode(raw).replace(lines, ""))
        : raw;
    // Name and length first: no two different file sets can hash the same bytes.
    hash.update(`${name}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest("hex");
}

/** A manifest without `version` and protogov's own bookkeeping (source commit, generator, this hash). */
function withoutReleaseFields(bytes: Uint8Array): string {
  try {
    const manifest = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    const { version: _version, protogov: _protogov, ...rest } = manifest;
    // composer.json keeps protogov's fields under `extra` (composer refuses unknown top-level keys).
    const extra = rest["extra"];
    if (extra !== null && typeof extra === "object" && "protogov" in extra) {
      const { protogov: _extraProtogov, ...others } = extra as Record<string, unknown>;
      if (Object.keys(others).length > 0) rest["extra"] = others;
      else delete rest["extra"];
    }
    return JSON.stringify(rest);
  } catch {
    return new TextDecoder().decode(bytes);
  }
}

/**
 * The `yaml` package, loaded on first use. It is the largest module protogov
 * imports (~0.3 s to load on a busy machine), and most runs in a repository
 * without protogov.yaml or buf.yaml (the pre-commit hook on every commit)
 * never parse YAML at all. Loaded through require (the package ships CommonJS)
 * so config loading stays synchronous.
 */
import { createRequire } from "node:module";

type Yaml = typeof import("yaml");
let cached: Yaml | undefined;

export function yaml(): Yaml {
  cached ??= createRequire(import.meta.url)("yaml") as Yaml;
  return cached;
}

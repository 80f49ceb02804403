/**
 * The `targets` section of protogov.yaml, resolved: what to generate for each
 * language, where the output goes, and where it is published.
 */

/** Languages protogov knows how to package; `other` only generates and publishes to git. */
export const TARGET_LANGUAGES = ["typescript", "java", "kotlin", "python", "php", "ruby", "csharp", "cpp", "go", "docs", "other"] as const;
export type TargetLanguage = (typeof TARGET_LANGUAGES)[number];

export interface TargetPlugin {
  /** `es`, `errors`, `docs`, `tests`, a protoc built-in (`java`, `python`...), or NAME of a `protoc-gen-NAME` on PATH. */
  name: string;
  /** Plugin parameter as key/value pairs (`target: ts` → `target=ts`). */
  options: Record<string, string>;
  /** Subdirectory of the target's output for this plugin ("" = the output root). */
  out: string;
}

export interface NpmPublishConfig {
  /** Registry URL, e.g. https://npm.example.com/ (credentials never go here). */
  registry: string;
  /** `--access`; unset leaves npm's default (scoped packages restricted, unscoped public). */
  access: "public" | "restricted" | undefined;
  /** Name of the environment variable holding the registry token. */
  tokenEnv: string;
  /** dist-tag to publish under. */
  distTag: string;
}

export interface GitPublishConfig {
  /** Clone URL, without credentials; git reads the token from `tokenEnv` through GIT_ASKPASS. */
  url: string;
  branch: string;
  /** Directory inside the repository replaced by the output ("." = the whole tree). */
  directory: string;
  tokenEnv: string | undefined;
  /** Tag each release `v<version>` (off for a docs site on a Pages branch). */
  tag: boolean;
  /** What precedes the version in a tag: `v`, or `<directory>/v` for a Go module in a sub-directory (Go's rule). */
  tagPrefix: string;
  /** Replace (or delete) files in `directory` that protogov did not publish; off by default. */
  replaceForeign: boolean;
}

export interface GoModuleConfig {
  /** Module path of major versions 0 and 1, e.g. example.com/acme/apis-go; from v2 on `/vN` is appended. */
  module: string;
}

export interface PythonPackageConfig {
  /** Distribution name (pip install NAME), default the target's name. */
  name: string;
  description: string;
}

export interface MavenProjectConfig {
  groupId: string;
  artifactId: string;
  description: string;
}

export interface TargetConfig {
  name: string;
  language: TargetLanguage;
  plugins: TargetPlugin[];
  /** Output directory relative to the project root; default `gen/<name>`. */
  out: string;
  /** Package settings: typescript targets become an npm package, php targets a composer package. */
  package: { name: string; description: string } | undefined;
  /** Go module settings (go targets: the output becomes a Go module). */
  go: GoModuleConfig | undefined;
  /** Python package settings (python targets: the output becomes a pyproject.toml package). */
  python: PythonPackageConfig | undefined;
  /** Maven project settings (java targets: the output becomes a Maven project). */
  maven: MavenProjectConfig | undefined;
  version: { initial: string; prerelease: string | undefined };
  publish: { npm: NpmPublishConfig | undefined; git: GitPublishConfig | undefined };
  /** 1-based line of the target in protogov.yaml, for messages. */
  line: number | undefined;
}

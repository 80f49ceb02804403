/**
 * The lint and breaking settings of an existing buf.yaml (v1beta1, v1, v2), so
 * a repository set up for buf gets buf's answers: they apply wherever
 * protogov.yaml does not set `lint` or `breaking` itself. Paths are turned into
 * project-relative ones (buf v1 writes them relative to the module, v1beta1
 * relative to each root, v2 relative to buf.yaml).
 */
import { existsSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import type { BreakingConfig, LintConfig } from "./protogov-config.js";
import { yaml } from "./yaml.js";

export type BufConfigVersion = "v1beta1" | "v1" | "v2";

/** buf lint options protogov passes through to buf unchanged (v2 names). */
const LINT_OPTIONS = [
  "enum_zero_value_suffix",
  "rpc_allow_same_request_response",
  "rpc_allow_google_protobuf_empty_requests",
  "rpc_allow_google_protobuf_empty_responses",
  "service_suffix",
];

export interface BufChecks {
  version: BufConfigVersion;
  lint?: Pick<LintConfig, "use" | "except" | "ignore" | "ignoreOnly" | "bufOptions" | "commentIgnores"> | undefined;
  breaking?: Pick<BreakingConfig, "use" | "except" | "ignore" | "ignoreOnly" | "ignoreUnstablePackages"> | undefined;
}

type Raw = Record<string, unknown>;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : []);

export function readBufChecks(root: string, read: (file: string) => string = (f) => readFileSync(f, "utf8")): BufChecks | undefined {
  const file = join(root, "buf.yaml");
  if (!existsSync(file)) return undefined;
  let raw: Raw;
  try {
    raw = (yaml().parse(read(file)) ?? {}) as Raw;
  } catch {
    return undefined; // buf-layout.ts reports the broken YAML with its location
  }
  const version: BufConfigVersion = raw["version"] === "v2" ? "v2" : raw["version"] === "v1beta1" ? "v1beta1" : "v1";
  // Where buf's paths are relative to, as project-relative prefixes.
  const bases = version === "v2" ? ["."] : version === "v1beta1" ? strings((raw["build"] as Raw | undefined)?.["roots"]).concat() : ["."];
  const toProject = (paths: string[]): string[] =>
    paths.flatMap((p) => (bases.length === 0 ? [p] : bases.map((b) => (b === "." ? p : posix.join(b, p)))));
  const onlyOf = (v: unknown): Record<string, string[]> =>
    Object.fromEntries(Object.entries((v ?? {}) as Raw).map(([id, paths]) => [id, toProject(strings(paths))]));
  const lintRaw = raw["lint"] as Raw | undefined;
  const breakingRaw = raw["breaking"] as Raw | undefined;
  const checks: BufChecks = { version };
  if (lintRaw && typeof lintRaw === "object") {
    // v1 named STANDARD "DEFAULT"; comment ignores are opt-in in v1 (allow_comment_ignores), opt-out in v2.
    const category = (id: string) => (version !== "v2" && id === "DEFAULT" ? "STANDARD" : id);
    checks.lint = {
      use: strings(lintRaw["use"]).map(category),
      except: strings(lintRaw["except"]).map(category),
      ignore: toProject(strings(lintRaw["ignore"])),
      ignoreOnly: onlyOf(lintRaw["ignore_only"]),
      bufOptions: Object.fromEntries(LINT_OPTIONS.filter((k) => lintRaw[k] !== undefined).map((k) => [k, lintRaw[k]])),
      commentIgnores: version === "v2" ? lintRaw["disallow_comment_ignores"] !== true : lintRaw["allow_comment_ignores"] === true,
    };
  }
  if (breakingRaw && typeof breakingRaw === "object") {
    checks.breaking = {
      use: strings(breakingRaw["use"]),
      except: strings(breakingRaw["except"]),
      ignore: toProject(strings(breakingRaw["ignore"])),
      ignoreOnly: onlyOf(breakingRaw["ignore_only"]),
      ignoreUnstablePackages: breakingRaw["ignore_unstable_packages"] === true,
    };
  }
  return checks;
}

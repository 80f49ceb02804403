/**
 * The breaking step: buf's breaking rules on the two images, plus protogov's
 * API diff (core/engines/diff) for the changelog, the semver bump, and the breaking
 * changes buf does not see (custom options, the error catalog). Deliberate
 * breaks are accepted by config or comment, and stay visible as warnings.
 */
import { readFileSync, statSync } from "node:fs";
import { applyAccepted, entriesForDiff } from "../../engines/diff/accept-breaks.js";
import type { ApiChange, ApiDiff } from "../../engines/diff/api-diff.js";
import { semverBump } from "../../engines/diff/bump.js";
import { diffImages } from "../../engines/diff/diff-images.js";
import { gitMaybe } from "../../engines/git/git.js";
import type { BreakingConfig } from "../../model/config/protogov-config.js";
import { stabilityOf } from "../../model/config/stability.js";
import type { Finding } from "../../model/findings/finding.js";
import { dropIgnoredPaths } from "../../model/findings/ignore.js";
import type { Project } from "../../model/project/project.js";
import type { BaseImage } from "./base-image.js";
import { withBreakingHint } from "./breaking-hints.js";
import { runBufBreaking } from "./buf-breaking.js";
import { deprecationFindings } from "./deprecation-policy.js";

export interface BreakingResult {
  findings: Finding[];
  diff: ApiDiff;
}

/**
 * Change rules buf's breaking checks do not cover: only protogov reports these
 * (custom options, the error catalog, the API-shape rules of api-shape.ts and
 * operation_info). PACKAGING_OPTION_* are buf's FILE_SAME_*_PACKAGE rules.
 */
const PROTOGOV_ONLY = /^(OPTION_|ERROR_|LRO_|METHOD_PAGINATION_|REQUIRED_FIELD_ADDED$)/;

/** A built-in option (`java_package`, `ctype`): buf's own rules (FILE_SAME_*, FIELD_SAME_*) judge those. */
const BUILTIN_OPTION_ASPECT = /^option:[a-z_]+$/;

export function isProtogovOnly(change: ApiChange): boolean {
  if (change.rule.startsWith("OPTION_") && BUILTIN_OPTION_ASPECT.test(change.aspect ?? "")) return false;
  return PROTOGOV_ONLY.test(change.rule);
}

/**
 * protogov's own breaking rules honour `breaking.except`. Its custom-option
 * rules also follow `use` like buf's option rules do: options shape generated
 * code, as the FILE and PACKAGE categories guard, so a selection of WIRE or
 * WIRE_JSON alone (or of single buf rules) leaves them out unless named. The
 * error catalog and API-shape rules guard the API's contract and always run.
 */
function protogovRuleSelected(rule: string, config: BreakingConfig): boolean {
  if (config.except.includes(rule)) return false;
  if (!rule.startsWith("OPTION_")) return true;
  return config.use.includes(rule) || config.use.some((id) => id === "FILE" || id === "PACKAGE");
}

/** `headImage` undefined: nothing of the scope exists at head (every changed file was deleted). */
export async function runBreaking(
  headImage: string | undefined,
  base: BaseImage,
  project: Project,
  cwd: string,
  opts: { buf: boolean } = { buf: true },
): Promise<BreakingResult> {
  const config = project.loaded.config.breaking;
  const pathOf = (importPath: string): string => project.byImportPath.get(importPath)?.rel ?? base.pathOf(importPath);
  const bufFindings = headImage && opts.buf ? runBufBreaking(headImage, base.imagePath, config, cwd, pathOf) : Promise.resolve([]);
  bufFindings.catch(() => undefined);
  // diffImages compares files by their bytes first and decodes only what changed (and its imports):
  // a one-file change in googleapis decodes a few dozen files instead of two 7,000-file registries.
  const changes = diffImages(readImage(base.imagePath), headImage ? readImage(headImage) : new Uint8Array(), {
    pathOf,
    oldPathOf: base.pathOf,
    optionClassifications: config.options,
    accept: entriesForDiff(config.accept),
  });
  const diff: ApiDiff = { changes, bump: semverBump(changes, { ...config.semver, stability: project.loaded.config.stability }) };
  const unstable = (c: ApiChange) =>
    config.ignoreUnstablePackages &&
    c.package !== undefined &&
    !["stable", "unversioned"].includes(stabilityOf(c.package, project.loaded.config.stability));
  const own = changes
    .filter((c) => c.classification === "breaking" && isProtogovOnly(c) && protogovRuleSelected(c.rule, config) && !unstable(c))
    .map(toFinding);
  if (config.deprecateBeforeRemove) {
    const repoRoot = await gitMaybe(["rev-parse", "--show-toplevel"], project.root);
    if (repoRoot) own.push(...(await deprecationFindings(changes, project, repoRoot, config.deprecateBeforeRemove)));
  }
  const kept = dropIgnoredPaths([...(await bufFindings), ...own], config.ignore ?? [], config.ignoreOnly ?? {});
  const findings = applyAccepted(kept, config.accept, project.root).map(withBreakingHint);
  return { findings, diff };
}

function readImage(imagePath: string): Uint8Array {
  return statSync(imagePath).size === 0 ? new Uint8Array() : readFileSync(imagePath);
}

function toFinding(change: ApiChange): Finding {
  const at = change.new ?? change.old;
  const accepted = change.accepted;
  return {
    rule: change.rule,
    severity: accepted ? "warn" : "error",
    file: at?.file ?? "",
    line: at?.line ?? 0,
    column: at?.column ?? 0,
    message: accepted ? `${change.message} (accepted: ${accepted.reason})` : change.message,
    source: "protogov",
  };
}

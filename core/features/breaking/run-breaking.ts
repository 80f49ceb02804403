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
import type { Finding } from "../../model/findings/finding.js";
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

export function isProtogovOnly(change: ApiChange): boolean {
  return PROTOGOV_ONLY.test(change.rule);
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
  const own = changes.filter((c) => c.classification === "breaking" && isProtogovOnly(c)).map(toFinding);
  if (config.deprecateBeforeRemove) {
    const repoRoot = await gitMaybe(["rev-parse", "--show-toplevel"], project.root);
    if (repoRoot) own.push(...(await deprecationFindings(changes, project, repoRoot, config.deprecateBeforeRemove)));
  }
  const findings = applyAccepted([...(await bufFindings), ...own], config.accept, project.root).map(withBreakingHint);
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

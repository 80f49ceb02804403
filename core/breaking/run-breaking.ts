/**
 * The breaking step: buf's breaking rules on the two images, plus protogov's
 * API diff for what buf does not see (custom options, the error catalog),
 * with deliberate breaks accepted by config or comment.
 */
import type { ApiDiff } from "../diff/types.js";
import type { Finding } from "../findings/finding.js";
import type { Project } from "../project/project.js";
import { applyAccepted } from "./accept.js";
import type { BaseImage } from "./base-image.js";
import { runBufBreaking } from "./buf-breaking.js";

export interface BreakingResult {
  findings: Finding[];
  diff: ApiDiff | undefined;
}

/** `headImage` undefined: nothing of the scope exists at head (every changed file was deleted). */
export async function runBreaking(headImage: string | undefined, base: BaseImage, project: Project, cwd: string): Promise<BreakingResult> {
  const pathOf = (importPath: string): string => project.byImportPath.get(importPath)?.rel ?? base.pathOf(importPath);
  const config = project.loaded.config.breaking;
  const raw = headImage ? await runBufBreaking(headImage, base.imagePath, config, cwd, pathOf) : [];
  return { findings: applyAccepted(raw, config.accept, project.root), diff: undefined };
}

import { relative, resolve } from "node:path";
import { generateTargets, writeTargetOutput } from "../../core/features/generate/generate-targets.js";
import { checkOutputPlace, projectPlace } from "../../core/features/generate/output-dir.js";
import { ExitCode } from "../../core/model/errors.js";
import { type GlobalOptions, resolveCwd } from "../global-options.js";

export interface GenerateOptions extends GlobalOptions {
  target: string[];
}

/** Builds every selected target into its own clean output directory (one compile for all). */
export async function generate(opts: GenerateOptions): Promise<number> {
  const cwd = resolveCwd(opts);
  const started = performance.now();
  const result = await generateTargets({ cwd, configFile: opts.config, names: opts.target });
  // Every target's place is checked before any is written.
  const place = projectPlace(result.project);
  for (const { target } of result.targets) {
    checkOutputPlace(resolve(result.project.root, target.out), place, `target ${target.name}`, `"${target.out}"`);
  }
  for (const { target, files } of result.targets) {
    const outDir = resolve(result.project.root, target.out);
    writeTargetOutput(files, outDir, target);
    process.stderr.write(`${target.name}: ${files.size} file(s) in ${relative(cwd, outDir) || "."}\n`);
  }
  process.stderr.write(`Generated ${result.targets.length} target(s) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return ExitCode.Clean;
}

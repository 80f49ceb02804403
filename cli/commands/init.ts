import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { renderInitConfig } from "../../core/features/init/config-template.js";
import { CONFIG_FILE } from "../../core/model/config/load.js";
import { ExitCode, InputError, UsageError } from "../../core/model/errors.js";
import { writeFileAtomic } from "../../core/model/fs/atomic-write.js";
import { detectRoots } from "../../core/model/project/detect-roots.js";
import { type GlobalOptions, resolveCwd } from "../global-options.js";

export interface InitOptions extends GlobalOptions {
  force: boolean;
}

export async function init(opts: InitOptions): Promise<number> {
  const dir = resolve(resolveCwd(opts));
  const target = join(dir, CONFIG_FILE);
  if (existsSync(target) && !opts.force) {
    throw new UsageError(`${CONFIG_FILE} already exists in ${dir}`, { hint: "pass --force to overwrite it" });
  }
  const layout = detectRoots(dir);
  if (layout.files === 0) {
    throw new InputError(`no .proto files found under ${dir}`, { hint: "run `protogov init` at the root of your API repository" });
  }
  writeFileAtomic(target, renderInitConfig(layout));
  process.stdout.write(
    `Wrote ${CONFIG_FILE}: ${layout.files} .proto file(s) in ${layout.roots.length} module(s) (${layout.roots.join(", ")}).\nNext: protogov check\n`,
  );
  return ExitCode.Clean;
}

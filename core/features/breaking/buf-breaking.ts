/** buf's breaking rules, image against image: no compile happens here. */
import { statSync } from "node:fs";
import { runBuf } from "../../engines/buf/buf.js";
import { type BufJsonFinding, parseBufJsonLines } from "../../engines/compile/buf-paths.js";
import type { BreakingConfig } from "../../model/config/protogov-config.js";
import type { Finding } from "../../model/findings/finding.js";

export async function runBufBreaking(
  headImage: string,
  baseImage: string,
  config: BreakingConfig,
  cwd: string,
  pathOf: (importPath: string) => string,
): Promise<Finding[]> {
  // Nothing of the scope existed at the base (a new module, a new repository): there is nothing to
  // break, and buf rejects an image without files ("image contains no files").
  if (statSync(baseImage).size === 0) return [];
  // buf's own config version: v1 rule ids and categories differ from v2's (FIELD_SAME_LABEL, v1's FILE set).
  const bufConfig = JSON.stringify({
    version: config.bufVersion ?? "v2",
    breaking: {
      use: config.use,
      except: config.except,
      ...(config.ignoreUnstablePackages ? { ignore_unstable_packages: true } : {}),
    },
  });
  const result = await runBuf(
    ["breaking", headImage, "--against", baseImage, "--config", bufConfig, "--error-format", "json", "--exclude-imports"],
    { cwd },
  );
  return parseBufJsonLines(result.stdout).map((raw) => ({
    rule: raw.type,
    severity: "error",
    file: fileOf(raw, pathOf),
    line: raw.start_line ?? 0,
    column: raw.start_column ?? 0,
    message: raw.message,
    source: "buf-breaking",
  }));
}

/**
 * buf gives no `path` for a deleted file (FILE_NO_DELETE): the file only exists at the base. The
 * finding belongs to that file, named in the message, so reports group it there and
 * `breaking.accept` entries with a `path` can match it.
 */
function fileOf(raw: BufJsonFinding, pathOf: (importPath: string) => string): string {
  if (raw.path) return pathOf(raw.path);
  const deleted = /^Previously present file "([^"]+)" was deleted\./.exec(raw.message);
  return deleted?.[1] ? pathOf(deleted[1]) : "";
}

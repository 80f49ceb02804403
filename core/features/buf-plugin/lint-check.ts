/**
 * The lint side of `buf-plugin-protogov`: protogov's governance rules (and the
 * AIP pack) on the files buf compiled, as buf annotations. Only the files buf
 * asks about are checked (not `is_import`); rules still see the packages of
 * every file, as they do inside protogov.
 */
import { resolve } from "node:path";
import { scanFileHeader } from "../../engines/compile/image-bytes.js";
import { imageFileOf } from "../../engines/compile/image-reader.js";
import type { CheckedFile, PluginAnnotation } from "../../engines/lint/buf-check-plugin/protocol.js";
import { runGovernanceRules, typesOf } from "../../engines/rules/engine.js";
import { everyRule } from "../../engines/rules/every-rule.js";
import type { ProtogovConfig } from "../../model/config/protogov-config.js";
import { SourcePathIndex } from "./source-paths.js";

export function lintAnnotations(checked: readonly CheckedFile[], config: ProtogovConfig): PluginAnnotation[] {
  const packages = new Map<string, string>();
  const bytes = new Map<string, Uint8Array>();
  const own: string[] = [];
  for (const f of checked) {
    const { name, pkg } = scanFileHeader(f.proto);
    packages.set(name, pkg);
    bytes.set(name, f.proto);
    if (!f.isImport) own.push(name);
  }
  // File names are module-relative; buf runs plugins where it runs, the usual place of buf.yaml.
  const files = new Map(own.map((name) => [name, { rel: name, abs: resolve(name) }]));
  const images = checked.map((f) => imageFileOf(f.proto, f.isImport));
  const findings = runGovernanceRules(images, { files, inScope: own, config, configFile: undefined }, everyRule, packages, typesOf(images));
  const paths = new SourcePathIndex(bytes);
  return findings.map((f) => ({
    ruleId: f.rule,
    message: `${f.severity === "warn" ? "warning: " : ""}${f.message}${f.hint ? ` (${f.hint})` : ""}`,
    ...(f.file ? { file: paths.locate(f.file, f.line, f.column) } : {}),
  }));
}

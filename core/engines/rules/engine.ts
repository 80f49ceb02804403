/**
 * Runs the enabled governance rules over a compiled image, one file at a time
 * (see compile/image.ts for why), and turns their reports into findings.
 */
import { readFileSync } from "node:fs";
import { TypeIndex } from "../../model/descriptors/type-index.js";
import type { Finding } from "../../model/findings/finding.js";
import type { ImageFile } from "../compile/image-reader.js";
import { resolveRules } from "./resolve.js";
import type { RulesInput } from "./rules-input.js";

export { type RulesInput, rulesInputOf } from "./rules-input.js";

import type { Anchor, EndContext, FileContext, GovernanceRule } from "./rule.js";

/**
 * `files`: the compiled files (an image read from disk, or a check plugin's
 * request). Rules look up the package of a file's imports: an image lists
 * dependencies first, so the packages seen so far answer; a source whose order
 * is not known passes `packages` (and `types`, see typesOf) for every file up front.
 */
export function runGovernanceRules(
  files: Iterable<ImageFile>,
  input: RulesInput,
  rules: readonly GovernanceRule[],
  packages = new Map<string, string>(),
  types = new TypeIndex(),
): Finding[] {
  const { config } = input;
  // Options were validated (with their config lines) before the compile; no line lookups needed here.
  const active = resolveRules(config, () => undefined, input.configFile, rules);
  if (active.length === 0) return [];
  const runs = active.map((a) => ({ ...a, run: a.rule.create() }));
  const findings: Finding[] = [];
  const inScope = new Set(input.inScope);
  // Only rules that follow types across files pay for holding every file's messages.
  const indexTypes = active.some((a) => a.rule.needsTypes === true);

  for (const image of files) {
    const importPath = image.proto.name;
    packages.set(importPath, image.proto.package);
    if (indexTypes) types.add(image.proto);
    const file = input.files.get(importPath);
    if (image.isImport || !file || !inScope.has(importPath)) continue;
    let text: string | undefined;
    for (const { rule, severity, options, run } of runs) {
      if (!run.file) continue;
      const ctx: FileContext = {
        proto: image.proto,
        file: file.rel,
        options,
        config,
        source: () => {
          text ??= readFileSync(file.abs, "utf8");
          return text;
        },
        anchor: (path) => anchorOf(image, file.rel, path),
        location: (path) => image.location(path),
        locations: () => image.locations(),
        leadingComment: (path) => image.location(path)?.leadingComments?.trim() ?? "",
        packageOfImport: (p) => packages.get(p),
        types,
        report: (at, message, hint) => {
          const a = Array.isArray(at) ? anchorOf(image, file.rel, at as number[]) : (at as Anchor);
          findings.push(toFinding(rule.id, severity, a, message, hint));
        },
      };
      run.file(ctx);
    }
  }
  for (const { rule, severity, options, run } of runs) {
    if (!run.end) continue;
    const ctx: EndContext = {
      options,
      config,
      report: (at, message, hint) => findings.push(toFinding(rule.id, severity, at, message, hint)),
    };
    run.end(ctx);
  }
  return findings;
}

function anchorOf(image: ImageFile, file: string, path: readonly number[]): Anchor {
  const span = image.location(path)?.span;
  if (!span || span.length < 2) return { file, line: 1, column: 1 };
  return { file, line: (span[0] ?? 0) + 1, column: (span[1] ?? 0) + 1 };
}

function toFinding(rule: string, severity: "error" | "warn", at: Anchor, message: string, hint: string | undefined): Finding {
  return {
    rule,
    severity,
    file: at.file,
    line: at.line,
    column: at.column,
    message,
    ...(hint ? { hint } : {}),
    source: "protogov",
  };
}

/** A type index of every file up front, for sources not in dependency order (a buf check plugin's request). */
export function typesOf(files: readonly ImageFile[]): TypeIndex {
  const types = new TypeIndex();
  for (const f of files) types.add(f.proto);
  return types;
}

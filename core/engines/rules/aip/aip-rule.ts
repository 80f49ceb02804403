/**
 * An AIP rule of the pack: a GovernanceRule in category `AIP`, off by default,
 * with api-linter's name (`core::0140::lower-snake`) and api-linter's ways of
 * being switched off, so googleapis-style trees need no changes:
 * - `(-- api-linter: core::0140::lower-snake=disabled --)` (or `core::0140`,
 *   `core`, `lower-snake`, `all`) in the leading comment of the element or of
 *   any element around it, or in the file's first comment;
 * - `deprecated = true` on the element or around it (api-linter skips those).
 * Findings point at the element's name, as api-linter's do.
 */
import type { FileDescriptorProto } from "@bufbuild/protobuf/wkt";
import { defineRule, type FileContext, type GovernanceRule } from "../rule.js";
import { apiLinterLocations } from "./api-linter-locations.js";
import { type Element, NAME_FIELD } from "./elements.js";

export interface AipRuleSpec {
  aip: number;
  /** api-linter's rule name without `core::NNNN::`, e.g. `lower-snake`. */
  name: string;
  description: string;
  rationale: string;
  /** api-linter skips deprecated elements, except for rules about deprecation itself. */
  checksDeprecated?: boolean;
  /** The check follows types into other files (`ctx.types`). */
  needsTypes?: boolean;
  /** Reports through `problem(element or path, message)`; suppression is handled here. */
  check(file: FileDescriptorProto, problem: Problem, ctx: FileContext): void;
}

/**
 * Reports a finding on an element (at its name, or at `sub`: the path below the
 * element api-linter points at, e.g. [2] for a method's request type) or on a
 * file-level path.
 */
export type Problem = (at: Element | FileAt, message: string, sub?: readonly number[]) => void;

/** A file-level finding: where it points, and the file's own path for suppression. */
export interface FileAt {
  path: readonly number[];
}

export function apiLinterName(aip: number, name: string): string {
  return `core::${String(aip).padStart(4, "0")}::${name}`;
}

export function defineAipRule(spec: AipRuleSpec): GovernanceRule {
  return defineRule({
    ...aipRuleInfo(spec),
    create: () => ({
      file(ctx) {
        const problem = aipProblems(ctx, spec);
        if (problem) spec.check(ctx.proto, problem, ctx);
      },
    }),
  });
}

/** The GovernanceRule fields of an AIP rule: id, category `AIP`, off by default. */
export function aipRuleInfo(spec: Pick<AipRuleSpec, "aip" | "name" | "description" | "rationale" | "needsTypes">) {
  return {
    id: `AIP_${String(spec.aip).padStart(4, "0")}_${spec.name.toUpperCase().replace(/-/g, "_")}`,
    category: "AIP",
    aip: spec.aip,
    ...(spec.needsTypes ? { needsTypes: true } : {}),
    defaultSeverity: "off" as const,
    description: `${spec.description} (api-linter: ${apiLinterName(spec.aip, spec.name)})`,
    rationale: spec.rationale,
  };
}

/**
 * How an AIP rule reports on one file, with api-linter's suppressions: undefined
 * when the whole file is off for the rule (its first comment disables it, or the
 * file is deprecated), else a Problem that drops findings on deprecated or
 * disabled elements. The Problem stays valid after the file's turn, so a rule can
 * hold findings back until it has seen every file (AIP-203 field-behavior-required).
 */
export function aipProblems(ctx: FileContext, spec: Pick<AipRuleSpec, "aip" | "name" | "checksDeprecated">): Problem | undefined {
  const fullName = apiLinterName(spec.aip, spec.name);
  const skipDeprecated = spec.checksDeprecated !== true;
  const fileDisabled = disabledIn(fileHeader(ctx), fullName) || (skipDeprecated && ctx.proto.options?.deprecated === true);
  if (fileDisabled) return undefined;
  const where = apiLinterLocations(ctx);
  return (at, message, sub = [NAME_FIELD]) => {
    if ("kind" in at) {
      for (const e of [at, ...at.ancestors]) {
        if ((skipDeprecated && deprecated(e)) || disabledIn(ctx.location(e.path)?.leadingComments ?? "", fullName)) return;
      }
      // A part without a source location (an option set in another way) falls back to the element, as in api-linter.
      const part = [...at.path, ...sub];
      ctx.report(where.anchor(part) ?? at.path, `${message} (${fullName}, https://google.aip.dev/${spec.aip})`);
    } else {
      ctx.report(where.anchor(at.path) ?? at.path, `${message} (${fullName}, https://google.aip.dev/${spec.aip})`);
    }
  };
}

function deprecated(e: Element): boolean {
  return e.proto.options?.deprecated === true;
}

const DISABLE = /api-linter:\s*(.+)\s*=\s*disabled/;

/** api-linter's rule-name matching: exact, a `::`-prefix, a suffix or a middle segment, or `all`. */
function disabledIn(comment: string, rule: string): boolean {
  for (const line of comment.split("\n")) {
    const m = DISABLE.exec(line);
    if (!m?.[1]) continue;
    let prefix = m[1].toLowerCase();
    if (prefix.endsWith("::")) prefix = prefix.slice(0, -2);
    if (prefix.startsWith("::")) prefix = prefix.slice(2);
    if (
      prefix === "all" ||
      prefix === rule ||
      rule.startsWith(`${prefix}::`) ||
      rule.endsWith(`::${prefix}`) ||
      rule.includes(`::${prefix}::`)
    ) {
      return true;
    }
  }
  return false;
}

/**
 * The file's first comment as api-linter reads it: of the syntax, package,
 * import and option statements, the first one with a comment; its detached
 * comments if any, else its leading comment.
 */
function fileHeader(ctx: FileContext): string {
  let first: { line: number; col: number; text: string } | undefined;
  for (const loc of ctx.locations()) {
    if (!loc.leadingComments && loc.leadingDetachedComments.length === 0) continue;
    const top = loc.path[0];
    if (loc.path.length > 0 && top !== 2 && top !== 3 && top !== 8 && top !== 12) continue;
    const line = loc.span[0] ?? 0;
    const col = loc.span[1] ?? 0;
    if (!first || line < first.line || (line === first.line && col < first.col)) {
      first = {
        line,
        col,
        text: loc.leadingDetachedComments.length > 0 ? loc.leadingDetachedComments.join("\n") : (loc.leadingComments ?? ""),
      };
    }
  }
  return first?.text ?? "";
}

/** api-linter's name of a pack rule (`AIP_0140_LOWER_SNAKE` is `core::0140::lower-snake`); undefined outside the pack. */
export function apiLinterNameOf(rule: GovernanceRule): string | undefined {
  if (rule.aip === undefined) return undefined;
  return apiLinterName(
    rule.aip,
    rule.id
      .replace(/^AIP_\d{4}_/, "")
      .toLowerCase()
      .replace(/_/g, "-"),
  );
}

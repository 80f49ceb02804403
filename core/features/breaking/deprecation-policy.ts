/**
 * Deprecate before remove (opt-in, `breaking.deprecate_before_remove`): a
 * field, enum value, method, message, enum or service may be removed only
 * when releases already told consumers it was going away. The evidence is the
 * release tags themselves (`tags`, default `v*`): each is compiled (cached
 * like any base image) and the element looked up; it counts when it was
 * marked `deprecated = true` there. The removal passes when it was deprecated
 * in at least `releases` releases (default 1) and the first of them is at
 * least `days` days older than HEAD's commit (default 0). Otherwise a
 * DEPRECATE_BEFORE_REMOVE finding says when it was deprecated, or that it
 * never was.
 */
import { readFileSync } from "node:fs";
import type { FileRegistry } from "@bufbuild/protobuf";
import type { ApiChange } from "../../engines/diff/api-diff.js";
import { DEPRECATE_BEFORE_REMOVE } from "../../engines/diff/classification.js";
import { registryFromImage } from "../../engines/diff/image-registry.js";
import { commitDate, type ReleaseTag, releaseTags } from "../../engines/git/release-tags.js";
import type { BreakingConfig } from "../../model/config/protogov-config.js";
import type { Finding } from "../../model/findings/finding.js";
import type { Project } from "../../model/project/project.js";
import { buildBaseImage } from "./base-image.js";

const REMOVALS = new Set(["FIELD_REMOVED", "ENUM_VALUE_REMOVED", "METHOD_REMOVED", "MESSAGE_REMOVED", "ENUM_REMOVED", "SERVICE_REMOVED"]);
const DAY_MS = 24 * 60 * 60 * 1000;

type Policy = NonNullable<BreakingConfig["deprecateBeforeRemove"]>;

export async function deprecationFindings(
  changes: readonly ApiChange[],
  project: Project,
  repoRoot: string,
  policy: Policy,
): Promise<Finding[]> {
  const removals = changes.filter((c) => REMOVALS.has(c.rule));
  if (removals.length === 0) return [];
  const pattern = policy.tags ?? "v*";
  const tags = (await releaseTags(repoRoot, pattern)).reverse(); // oldest first
  const deprecatedIn = new Map<ApiChange, ReleaseTag[]>(removals.map((c) => [c, []]));
  for (const tag of tags) {
    const image = await buildBaseImage({ kind: "git", commit: tag.commit, label: tag.tag, repoRoot }, project);
    try {
      const registry = registryFromImage(readFileSync(image.imagePath));
      for (const c of removals) if (isDeprecated(registry, c)) deprecatedIn.get(c)?.push(tag);
    } finally {
      image.dispose();
    }
  }
  const head = await commitDate(repoRoot);
  const days = policy.days ?? 0;
  const releases = policy.releases ?? 1;
  const findings: Finding[] = [];
  for (const c of removals) {
    const where = deprecatedIn.get(c) ?? [];
    const first = where[0];
    const age = first ? Math.floor((head.getTime() - first.date.getTime()) / DAY_MS) : 0;
    if (first && where.length >= releases && age >= days) continue;
    const why = !first
      ? `it was never marked deprecated in a release (tags ${pattern})`
      : where.length < releases
        ? `it was marked deprecated in ${where.length} release${where.length === 1 ? "" : "s"} (${where.map((t) => t.tag).join(", ")}); the policy asks for ${releases}`
        : `it was first marked deprecated in ${first.tag} (${first.date.toISOString().slice(0, 10)}), ${age} day${age === 1 ? "" : "s"} before this commit; the policy asks for ${days}`;
    const at = c.old ?? c.new;
    findings.push({
      rule: DEPRECATE_BEFORE_REMOVE,
      severity: "error",
      file: at?.file ?? "",
      line: at?.line ?? 0,
      column: at?.column ?? 0,
      message: `${c.message.replace(/\.$/, "")}, but ${why}.`,
      hint: "restore it with `deprecated = true`, release that, and remove it once the policy's time has passed (breaking.deprecate_before_remove)",
      source: "protogov",
    });
  }
  return findings;
}

/** Whether the element a removal names is marked deprecated in `registry`. */
function isDeprecated(registry: FileRegistry, c: ApiChange): boolean {
  const dot = c.name.lastIndexOf(".");
  const parent = c.name.slice(0, dot);
  const leaf = c.name.slice(dot + 1);
  const flag = (d: { proto: { options?: { deprecated?: boolean } | undefined } } | undefined) => d?.proto.options?.deprecated === true;
  switch (c.element) {
    case "field":
      return flag(registry.getMessage(parent)?.fields.find((f) => f.name === leaf));
    case "enum_value":
      return flag(registry.getEnum(parent)?.values.find((v) => v.name === leaf));
    case "method":
      return flag(registry.getService(parent)?.methods.find((m) => m.name === leaf));
    case "message":
      return flag(registry.getMessage(c.name));
    case "enum":
      return flag(registry.getEnum(c.name));
    case "service":
      return flag(registry.getService(c.name));
    default:
      return false;
  }
}

/**
 * The whole classification table as rows, for the README and `--help`: every
 * change rule, every built-in option and every custom option with a default.
 * Kept as data so documentation cannot drift from what the engine does.
 */

import type { Classification } from "./api-diff.js";
import { BUILTIN_OPTION_CLASSIFICATIONS } from "./builtin-options.js";
import { CHANGE_RULES } from "./classification.js";
import { commitTag } from "./commit-tags.js";
import { CUSTOM_OPTION_DEFAULTS, DEFAULT_UNKNOWN_OPTION_CLASSIFICATION } from "./custom-option-defaults.js";

export interface ClassificationRow {
  kind: "rule" | "builtin-option" | "custom-option";
  /** Rule id, `google.protobuf.FileOptions.go_package` or `google.api.http`. */
  id: string;
  /** For custom options classified by value, the most common outcome is not one value: "by value". */
  classification: Classification | "by value";
  description: string;
  /** For rules: the conventional-commit tag of the default classification (commit-tags.ts). */
  tag?: string;
}

export function classificationTable(): ClassificationRow[] {
  const rows: ClassificationRow[] = [];
  for (const [id, rule] of Object.entries(CHANGE_RULES)) {
    const byOption = id.startsWith("OPTION_");
    const tag = byOption ? "by value" : commitTag(id, id.endsWith("_ADDED") ? "added" : "changed", rule.classification);
    rows.push({ kind: "rule", id, classification: byOption ? "by value" : rule.classification, tag, description: rule.description });
  }
  for (const [id, classification] of Object.entries(BUILTIN_OPTION_CLASSIFICATIONS).sort(([a], [b]) => (a < b ? -1 : 1))) {
    rows.push({ kind: "builtin-option", id, classification, description: "any change (configurable)" });
  }
  for (const [id, def] of Object.entries(CUSTOM_OPTION_DEFAULTS)) {
    rows.push({ kind: "custom-option", id, classification: "by value", description: def.description });
  }
  rows.push({
    kind: "custom-option",
    id: "(any other custom option)",
    classification: DEFAULT_UNKNOWN_OPTION_CLASSIFICATION,
    description: "unknown meaning: breaking until classified in protogov.yaml",
  });
  return rows;
}

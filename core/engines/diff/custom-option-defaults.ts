/**
 * Default classification of custom options, by extension full name. Each
 * option's value is compared as JSON (protobuf JSON of the extension value),
 * and these classifiers look inside it, because for most google.api options
 * the direction of a change decides its meaning: adding REQUIRED breaks
 * callers, removing it does not.
 *
 * Defaults (config `optionClassifications` replaces any of them wholesale):
 * - google.api.field_behavior: per behavior added or removed. Added
 *   REQUIRED, IMMUTABLE, OUTPUT_ONLY (requests that set it are ignored),
 *   INPUT_ONLY (responses stop carrying it), IDENTIFIER, UNORDERED_LIST
 *   (order no longer guaranteed) = breaking; added NON_EMPTY_DEFAULT = feature;
 *   removed REQUIRED, IMMUTABLE, OUTPUT_ONLY, INPUT_ONLY, UNORDERED_LIST =
 *   feature; removed IDENTIFIER, NON_EMPTY_DEFAULT = breaking; OPTIONAL either
 *   way = docs (it only documents the default). The most severe one wins.
 * - google.api.resource_reference: added = feature; removed, or type or
 *   child_type changed = breaking (generated resource-name helpers change).
 * - google.api.http: each binding (verb, path, body, response_body, primary or
 *   additional) is a unit; a binding removed or changed = breaking, only
 *   bindings added = feature, reordered = internal.
 * - google.api.method_signature: a signature removed = breaking (a generated
 *   overload disappears), only added = feature.
 * - google.api.default_host, google.api.oauth_scopes: any change = breaking
 *   (clients connect to another host or need other credentials).
 * - google.api.resource: added = feature; removed, type / name_field / plural /
 *   singular changed, a pattern removed = breaking; only patterns added =
 *   feature; anything else = breaking.
 * - google.api.resource_definition (file): per resource type, like resource.
 * - protogov.errors.v1.domain / error: compared by the error catalog
 *   (./error-catalog.ts), not as options.
 * - any other custom option: "breaking" unless configured. protogov cannot
 *   know what a generator or validator reads from an option (buf.validate
 *   rules, ORM mappings...), so the safe default makes a human classify it once
 *   in protogov.yaml rather than let a real break ship as a patch.
 */
import type { JsonValue } from "@bufbuild/protobuf";
import type { Classification } from "./api-diff.js";
import { moreSevere } from "./classification.js";

/** Classifies one option change; `undefined` is "not set on that side". */
export type OptionClassifier = (before: JsonValue | undefined, after: JsonValue | undefined) => Classification;

export interface CustomOptionDefault {
  description: string;
  classify: OptionClassifier;
}

/** Options the error catalog compares; the generic option diff skips them. */
export const ERROR_CATALOG_OPTIONS: ReadonlySet<string> = new Set(["protogov.errors.v1.domain", "protogov.errors.v1.error"]);

export const DEFAULT_UNKNOWN_OPTION_CLASSIFICATION: Classification = "breaking";

const FIELD_BEHAVIOR_ADDED: Record<string, Classification> = {
  REQUIRED: "breaking",
  IMMUTABLE: "breaking",
  OUTPUT_ONLY: "breaking",
  INPUT_ONLY: "breaking",
  IDENTIFIER: "breaking",
  UNORDERED_LIST: "breaking",
  NON_EMPTY_DEFAULT: "feature",
  OPTIONAL: "docs",
};
const FIELD_BEHAVIOR_REMOVED: Record<string, Classification> = {
  REQUIRED: "feature",
  IMMUTABLE: "feature",
  OUTPUT_ONLY: "feature",
  INPUT_ONLY: "feature",
  IDENTIFIER: "breaking",
  UNORDERED_LIST: "feature",
  NON_EMPTY_DEFAULT: "breaking",
  OPTIONAL: "docs",
};

export const CUSTOM_OPTION_DEFAULTS: Readonly<Record<string, CustomOptionDefault>> = {
  "google.api.field_behavior": {
    description:
      "added REQUIRED/IMMUTABLE/OUTPUT_ONLY/INPUT_ONLY/IDENTIFIER/UNORDERED_LIST = breaking, removed REQUIRED = feature, OPTIONAL = docs",
    classify(before, after) {
      const { added, removed } = setDiff(strings(before), strings(after));
      let c: Classification = "internal";
      for (const b of added) c = moreSevere(c, FIELD_BEHAVIOR_ADDED[b] ?? "breaking");
      for (const b of removed) c = moreSevere(c, FIELD_BEHAVIOR_REMOVED[b] ?? "breaking");
      return c;
    },
  },
  "google.api.resource_reference": {
    description: "added = feature; removed or type/child_type changed = breaking",
    classify: (before) => (before === undefined ? "feature" : "breaking"),
  },
  "google.api.http": {
    description: "a binding (verb, path, body) removed or changed = breaking, bindings only added = feature",
    classify: (before, after) => bySet(httpBindings(before), httpBindings(after)),
  },
  "google.api.method_signature": {
    description: "a signature removed = breaking, only added = feature",
    classify: (before, after) => bySet(strings(before), strings(after)),
  },
  "google.api.default_host": { description: "any change = breaking", classify: () => "breaking" },
  "google.api.oauth_scopes": { description: "any change = breaking", classify: () => "breaking" },
  "google.api.resource": {
    description: "added = feature; removed, type/name_field/plural/singular changed or a pattern removed = breaking",
    classify: classifyResource,
  },
  "google.api.resource_definition": {
    description: "per resource type: added = feature, removed or changed like google.api.resource",
    classify(before, after) {
      const old = byType(before);
      const now = byType(after);
      let c: Classification = "internal";
      for (const [type, value] of old) c = moreSevere(c, classifyResource(value, now.get(type)));
      for (const [type, value] of now) if (!old.has(type)) c = moreSevere(c, classifyResource(undefined, value));
      return c;
    },
  },
  "protogov.errors.v1.domain": { description: "see the error catalog rules (ERROR_*)", classify: () => "breaking" },
  "protogov.errors.v1.error": { description: "see the error catalog rules (ERROR_*)", classify: () => "breaking" },
};

function classifyResource(before: JsonValue | undefined, after: JsonValue | undefined): Classification {
  if (JSON.stringify(before) === JSON.stringify(after)) return "internal";
  if (before === undefined) return "feature";
  if (!isObject(before) || !isObject(after)) return "breaking";
  const { pattern: oldPatterns, ...oldRest } = before;
  const { pattern: newPatterns, ...newRest } = after;
  if (JSON.stringify(sorted(oldRest)) !== JSON.stringify(sorted(newRest))) return "breaking";
  return bySet(strings(oldPatterns), strings(newPatterns));
}

/** Removed members = breaking, only added = feature, same members (another order) = internal. */
function bySet(before: string[], after: string[]): Classification {
  const { added, removed } = setDiff(before, after);
  if (removed.length > 0) return "breaking";
  return added.length > 0 ? "feature" : "internal";
}

function httpBindings(rule: JsonValue | undefined): string[] {
  if (!isObject(rule)) return [];
  const { additionalBindings, selector: _selector, ...primary } = rule;
  const extra = Array.isArray(additionalBindings) ? additionalBindings : [];
  return [primary, ...extra].map((b) => JSON.stringify(isObject(b) ? sorted(b) : b));
}

function byType(list: JsonValue | undefined): Map<string, JsonValue> {
  const map = new Map<string, JsonValue>();
  for (const item of Array.isArray(list) ? list : []) {
    if (isObject(item)) map.set(String(item["type"] ?? ""), item);
  }
  return map;
}

function setDiff(before: string[], after: string[]): { added: string[]; removed: string[] } {
  const b = new Set(before);
  const a = new Set(after);
  return { added: [...a].filter((x) => !b.has(x)), removed: [...b].filter((x) => !a.has(x)) };
}

function strings(value: JsonValue | undefined): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => (typeof v === "string" ? v : JSON.stringify(v)));
}

function isObject(value: JsonValue | undefined): value is { [k: string]: JsonValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function sorted(obj: { [k: string]: JsonValue }): { [k: string]: JsonValue } {
  return Object.fromEntries(Object.entries(obj).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

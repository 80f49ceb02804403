/**
 * Default classification of custom options, by extension full name. Each
 * option's value is compared as JSON (protobuf JSON of the extension value),
 * and these classifiers look inside it, because for most google.api options
 * the direction of a change and the value decide its meaning: adding REQUIRED
 * breaks callers, adding OUTPUT_ONLY documents what the server already did.
 * The reasons cite the AIPs and the categories of Google's
 * proto-breaking-change-detector (the tool whose findings write googleapis'
 * commit messages); where protogov differs, the README says why.
 *
 * Defaults (config `optionClassifications` replaces any of them wholesale):
 * - google.api.field_behavior (AIP-203), per value added or removed, the most
 *   severe wins. Added REQUIRED (callers that did not set it are rejected;
 *   detector FIELD_BEHAVIOR_CHANGE), IMMUTABLE (updates that set it fail),
 *   INPUT_ONLY (responses stop carrying it), IDENTIFIER, UNORDERED_LIST (order
 *   no longer guaranteed) = breaking. Added OUTPUT_ONLY or OPTIONAL = docs:
 *   googleapis adds them to document what the server already does (the
 *   detector reports nothing). Added NON_EMPTY_DEFAULT = feature. Removed
 *   REQUIRED, IMMUTABLE, OUTPUT_ONLY, INPUT_ONLY, UNORDERED_LIST = feature;
 *   removed IDENTIFIER, NON_EMPTY_DEFAULT = breaking; removed OPTIONAL = docs.
 * - google.api.resource (AIP-123): added = feature; type or name_field
 *   changed, a pattern removed or the patterns reordered (the first pattern
 *   names the generated resource-name class; detector RESOURCE_PATTERN_REMOVAL,
 *   _REORDER) = breaking; patterns only added = feature (detector
 *   RESOURCE_PATTERN_ADDITION); plural or singular added = docs (they name the
 *   resource in docs and the AIP linter, no generator changes an existing
 *   symbol); plural or singular changed or removed = breaking (generated
 *   method and helper names follow them); style added = feature, removed =
 *   breaking (AIP-128: declarative-friendly is a promise); removed = breaking.
 * - google.api.resource_definition (file): per resource type, like resource;
 *   a definition added = feature, removed = breaking (detector
 *   RESOURCE_DEFINITION_ADDITION / _REMOVAL).
 * - google.api.resource_reference (AIP-122): added = feature; removed, or type
 *   or child_type changed = breaking (generated resource-name helpers change;
 *   detector RESOURCE_REFERENCE_ADDITION / _REMOVAL / _CHANGE / _CHANGE_CHILD_TYPE).
 * - google.api.http (AIP-127): each binding (verb, template, body,
 *   response_body, primary or additional) is a unit; a binding removed or
 *   changed = breaking (REST clients call a route that no longer exists or
 *   send the body elsewhere; detector HTTP_ANNOTATION_CHANGE / _REMOVAL),
 *   only bindings added = feature (HTTP_ANNOTATION_ADDITION), reordered
 *   additional bindings = internal.
 * - google.api.method_signature (AIP-132): a signature removed = breaking (a
 *   generated overload disappears), the existing ones reordered = breaking
 *   (overload resolution and generated flattening follow the order; detector
 *   METHOD_SIGNATURE_ORDER_CHANGE), only added at the end = feature.
 * - google.api.default_host (AIP-4210): added = feature (clients that passed an
 *   endpoint keep it; detector SERVICE_HOST_ADDITION); removed or changed =
 *   breaking (clients connect elsewhere).
 * - google.api.oauth_scopes (AIP-4210): per scope; a scope removed = breaking
 *   (credentials scoped for it stop working; detector OAUTH_SCOPE_REMOVAL),
 *   only added = feature, reordered = internal.
 * - google.api.field_info (AIP-202): format added where there was none =
 *   feature (clients may start auto-populating UUID4 request ids; the
 *   detector reports only a changed format); format changed or removed =
 *   breaking (detector FIELD_FORMAT_CHANGE); referenced_types added = feature,
 *   removed or changed = breaking.
 * - google.longrunning.operation_info (AIP-151): any change = breaking: added
 *   or removed (generated clients switch between a raw Operation and a typed
 *   LRO wrapper; detector LRO_ANNOTATION_ADDITION / _REMOVAL, both fix!),
 *   response_type or metadata_type changed (LRO_RESPONSE_CHANGE /
 *   _METADATA_CHANGE; diff-service.ts reports those as their own rules).
 * - google.api.routing (AIP-4222): added = feature (clients start sending
 *   routing headers), a routing parameter removed or changed = breaking
 *   (servers route on them; old clients keep sending the old ones), only
 *   parameters added = feature.
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
  OUTPUT_ONLY: "docs",
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
      "per value: added REQUIRED/IMMUTABLE/INPUT_ONLY/IDENTIFIER/UNORDERED_LIST = breaking, added OUTPUT_ONLY/OPTIONAL = docs, removed REQUIRED = feature",
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
    description: "a binding (verb, template, body, response_body) removed or changed = breaking, bindings only added = feature",
    classify: (before, after) => bySet(httpBindings(before), httpBindings(after)),
  },
  "google.api.method_signature": {
    description: "a signature removed or the existing ones reordered = breaking, only added = feature",
    classify: (before, after) => byList(strings(before), strings(after)),
  },
  "google.api.default_host": {
    description: "added = feature, removed or changed = breaking",
    classify: (before) => (before === undefined ? "feature" : "breaking"),
  },
  "google.api.oauth_scopes": {
    description: "a scope removed = breaking, only added = feature",
    classify: (before, after) => bySet(scopes(before), scopes(after)),
  },
  "google.api.resource": {
    description:
      "added = feature; type/name_field/plural/singular changed, a pattern removed or patterns reordered = breaking; patterns, style added = feature; plural/singular added = docs",
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
  "google.api.field_info": {
    description: "format added = feature, format changed or removed = breaking; referenced_types only added = feature",
    classify: (before, after) =>
      byKey(before, after, {
        format: (b, a) => (b === undefined || b === "FORMAT_UNSPECIFIED" ? "feature" : a === b ? "internal" : "breaking"),
        referencedTypes: (b, a) => bySet(strings(b), strings(a)),
      }),
  },
  "google.longrunning.operation_info": {
    description: "any change = breaking (typed LRO wrappers appear, disappear or change type)",
    classify: () => "breaking",
  },
  "google.api.routing": {
    description: "added = feature; a routing parameter removed or changed = breaking, only added = feature",
    classify: (before, after) => (before === undefined ? "feature" : bySet(routingParameters(before), routingParameters(after))),
  },
  "protogov.errors.v1.domain": { description: "see the error catalog rules (ERROR_*)", classify: () => "breaking" },
  "protogov.errors.v1.error": { description: "see the error catalog rules (ERROR_*)", classify: () => "breaking" },
};

type KeyClassifier = (before: JsonValue | undefined, after: JsonValue | undefined) => Classification;

/** Each key of an option message classified on its own; keys without a classifier: added = feature, else breaking. */
function byKey(before: JsonValue | undefined, after: JsonValue | undefined, keys: Record<string, KeyClassifier>): Classification {
  if (before === undefined) return "feature";
  if (!isObject(before) || !isObject(after)) return "breaking";
  let c: Classification = "internal";
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const [b, a] = [before[key], after[key]];
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    const classify = keys[key];
    c = moreSevere(c, classify ? classify(b, a) : b === undefined ? "feature" : "breaking");
  }
  return c;
}

const RESOURCE_KEYS: Record<string, KeyClassifier> = {
  pattern: (b, a) => byList(strings(b), strings(a)),
  plural: (b) => (b === undefined ? "docs" : "breaking"),
  singular: (b) => (b === undefined ? "docs" : "breaking"),
  style: (b, a) => bySet(strings(b), strings(a)),
};

function classifyResource(before: JsonValue | undefined, after: JsonValue | undefined): Classification {
  if (JSON.stringify(before) === JSON.stringify(after)) return "internal";
  if (after === undefined) return "breaking";
  return byKey(before, after, RESOURCE_KEYS);
}

/**
 * An ordered list whose positions mean something (resource patterns: the
 * first names the generated class; method signatures: generated overloads
 * follow the order): every old member must stay at its position, as the
 * detector checks; new members appended = feature.
 */
function byList(before: string[], after: string[]): Classification {
  if (before.some((x, i) => after[i] !== x)) return "breaking";
  return after.length > before.length ? "feature" : "internal";
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

/** `oauth_scopes` is one comma-separated string (AIP-4210). */
function scopes(value: JsonValue | undefined): string[] {
  return typeof value === "string"
    ? value
        .split(",")
        .map((x) => x.trim())
        .filter((x) => x !== "")
    : [];
}

function routingParameters(rule: JsonValue | undefined): string[] {
  const list = isObject(rule) ? rule["routingParameters"] : undefined;
  return (Array.isArray(list) ? list : []).map((p) => JSON.stringify(isObject(p) ? sorted(p) : p));
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

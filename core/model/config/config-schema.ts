/**
 * The shape of protogov.yaml as data: the checker reports unknown keys with a
 * "did you mean", and `protogov init` documents the same keys.
 */

import type { Schema } from "./schema-check.js";
import { targetsSchema } from "./targets-schema.js";

const severity: Schema = { kind: "enum", values: ["error", "warn", "off"] };
const relPath: Schema = {
  kind: "string",
  pattern: /^(?!\/)(?![A-Za-z]:)[^\0]*$/,
  patternHint: "a path relative to the project root",
};
const ruleId: Schema = { kind: "string", pattern: /^[A-Z][A-Z0-9_]*$/, patternHint: "an UPPER_SNAKE_CASE rule id or category" };
const acceptedRule: Schema = {
  kind: "string",
  pattern: /^(?:[A-Z][A-Z0-9_]*|\*)$/,
  patternHint: "an UPPER_SNAKE_CASE rule id, or * for any rule",
};

/** A rule's setting: a bare severity, or a mapping with severity and the rule's options. */
const ruleSetting: Schema = {
  kind: "custom",
  description: 'a severity ("error", "warn", "off") or a mapping with "severity" and the rule\'s options',
  check: (value) => {
    if (value === "error" || value === "warn" || value === "off") return undefined;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      const sev = (value as Record<string, unknown>)["severity"];
      if (sev === undefined || sev === "error" || sev === "warn" || sev === "off") return undefined;
      return `expected severity "error", "warn" or "off", found ${JSON.stringify(sev)}`;
    }
    return `expected a severity ("error", "warn", "off") or a mapping, found ${JSON.stringify(value)}`;
  },
};

export const configSchema: Schema = {
  kind: "object",
  description: "the protogov.yaml mapping",
  fields: {
    version: { kind: "integer", min: 1, max: 1 },
    modules: {
      kind: "array",
      items: {
        kind: "object",
        fields: { path: relPath, excludes: { kind: "array", items: relPath } },
      },
    },
    lint: {
      kind: "object",
      fields: {
        use: { kind: "array", items: ruleId },
        except: { kind: "array", items: ruleId },
        rules: { kind: "record", keyPattern: /^[A-Z][A-Z0-9_]*$/, keyHint: "an UPPER_SNAKE_CASE rule id", values: ruleSetting },
        ignore: { kind: "array", items: relPath },
        ignore_only: { kind: "record", values: { kind: "array", items: relPath } },
      },
    },
    breaking: {
      kind: "object",
      fields: {
        use: { kind: "array", items: ruleId },
        except: { kind: "array", items: ruleId },
        accept: {
          kind: "array",
          items: {
            kind: "object",
            description: "a mapping with rule, reason and optionally path and name",
            fields: { rule: acceptedRule, reason: { kind: "string" }, path: relPath, name: { kind: "string" } },
          },
        },
        options: {
          kind: "record",
          keyPattern: /^[A-Za-z_][\w.]*$/,
          keyHint: "an option's full name such as google.api.http",
          values: { kind: "enum", values: ["breaking", "feature", "docs", "internal"] },
        },
        semver: {
          kind: "object",
          fields: {
            alpha: { kind: "enum", values: ["major", "minor", "patch"] },
            beta: { kind: "enum", values: ["major", "minor", "patch"] },
          },
        },
        deprecate_before_remove: {
          kind: "object",
          fields: {
            days: { kind: "integer", min: 0 },
            releases: { kind: "integer", min: 0 },
            tags: { kind: "string" },
          },
        },
      },
    },
    owners: {
      kind: "record",
      keyPattern: /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$/,
      keyHint: "a package name or prefix such as acme.users",
      values: { kind: "string" },
    },
    stability: {
      kind: "object",
      fields: {
        beta: { kind: "array", items: { kind: "string" } },
        alpha: { kind: "array", items: { kind: "string" } },
        test: { kind: "array", items: { kind: "string" } },
      },
    },
    error_ranges: {
      kind: "record",
      values: {
        kind: "object",
        fields: { min: { kind: "integer", min: 1 }, max: { kind: "integer", min: 1 } },
      },
    },
    targets: targetsSchema,
    baseline: { ...relPath, patternHint: "a path relative to the project root, e.g. protogov.baseline.json" },
  },
};

export const severitySchema = severity;

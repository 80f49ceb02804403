/**
 * The shape of protogov.yaml's `targets` list, as data for the config checker
 * (unknown keys get a "did you mean" and the line). Meaning that the shape
 * cannot express (required keys, unique names, known plugins) is checked in
 * parse-targets.ts.
 */
import type { Schema } from "./schema-check.js";
import { TARGET_LANGUAGES } from "./target-config.js";

const relPath: Schema = { kind: "string", pattern: /^(?!\/)(?![A-Za-z]:)[^\0]*$/, patternHint: "a path relative to the project root" };
const name: Schema = { kind: "string", pattern: /^[a-z][a-z0-9_-]*$/, patternHint: "lower-case letters, digits, - and _" };
const envName: Schema = { kind: "string", pattern: /^[A-Za-z_][A-Za-z0-9_]*$/, patternHint: "an environment variable name" };
const semver: Schema = { kind: "string", pattern: /^\d+\.\d+\.\d+$/, patternHint: "a version such as 0.1.0" };

const javaId: Schema = {
  kind: "string",
  pattern: /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/,
  patternHint: "a Maven groupId such as com.acme",
};

const optionValue: Schema = {
  kind: "custom",
  description: "a string, number or boolean",
  check: (value) =>
    typeof value === "string" || typeof value === "number" || typeof value === "boolean"
      ? undefined
      : `expected a string, number or boolean, found ${JSON.stringify(value)}`,
};

const pluginObject: Schema = {
  kind: "object",
  description: "a mapping with name, options and out",
  fields: {
    name: { kind: "string", pattern: /^[A-Za-z0-9_-]+$/, patternHint: "a plugin name such as es, java or go" },
    options: { kind: "record", keyPattern: /^[A-Za-z_][\w-]*$/, keyHint: "an option name", values: optionValue },
    out: relPath,
  },
};

export const targetsSchema: Schema = {
  kind: "array",
  items: {
    kind: "object",
    description: "a target mapping with name, language, plugins, out, package, go, python, maven, version and publish",
    fields: {
      name,
      language: { kind: "enum", values: TARGET_LANGUAGES },
      out: relPath,
      plugins: { kind: "array", items: pluginObject },
      package: {
        kind: "object",
        fields: {
          // npm (typescript targets) or composer (php: vendor/name, checked in parse-targets.ts).
          name: {
            kind: "string",
            pattern: /^(@?[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/,
            patternHint: "an npm package name, or vendor/name for composer",
          },
          description: { kind: "string" },
        },
      },
      go: {
        kind: "object",
        fields: {
          module: {
            kind: "string",
            pattern: /^[a-z0-9][-a-z0-9.]*\.[a-z]+(\/[A-Za-z0-9._~-]+)*$/,
            patternHint: "a Go module path such as example.com/acme/apis-go (without /vN: protogov adds it from v2 on)",
          },
        },
      },
      python: {
        kind: "object",
        fields: {
          name: {
            kind: "string",
            pattern: /^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/,
            patternHint: "a Python distribution name such as acme-apis",
          },
          description: { kind: "string" },
        },
      },
      maven: {
        kind: "object",
        fields: {
          group_id: javaId,
          artifact_id: { kind: "string", pattern: /^[A-Za-z0-9_.-]+$/, patternHint: "a Maven artifactId such as acme-apis" },
          description: { kind: "string" },
        },
      },
      version: {
        kind: "object",
        fields: {
          initial: semver,
          prerelease: { kind: "string", pattern: /^[a-z][a-z0-9]*$/, patternHint: "a prerelease id such as beta" },
        },
      },
      publish: {
        kind: "object",
        fields: {
          npm: {
            kind: "object",
            fields: {
              registry: { kind: "string", pattern: /^https?:\/\/[^@\s]+$/, patternHint: "an http(s) URL without credentials" },
              access: { kind: "enum", values: ["public", "restricted"] },
              token_env: envName,
              dist_tag: { kind: "string", pattern: /^[a-z][a-z0-9-]*$/, patternHint: "a dist-tag such as latest" },
            },
          },
          git: {
            kind: "object",
            fields: {
              url: {
                kind: "custom",
                description: "a git URL",
                check: (v) =>
                  typeof v !== "string"
                    ? `expected a git URL, found ${JSON.stringify(v)}`
                    : /^[a-z+]+:\/\/[^/\s:@]+(:[^/\s@]*)?@/.test(v) || /^[^/\s:@]+:[^/\s@]*@[^/\s:]+:/.test(v)
                      ? "credentials do not belong in the URL: put the token in an environment variable and name it in token_env"
                      : undefined,
              },
              branch: { kind: "string", pattern: /^[\w./-]+$/, patternHint: "a branch name" },
              directory: relPath,
              token_env: envName,
              tag: { kind: "boolean" },
              replace_foreign: { kind: "boolean" },
            },
          },
        },
      },
    },
  },
};

/**
 * SARIF 2.1.0, shaped for GitHub code scanning (`github/codeql-action/upload-sarif`),
 * which accepts a subset of the standard and is stricter than the schema:
 *   - every result needs at least one location with a non-empty artifact URI,
 *     or the whole upload is rejected — so project-wide findings are anchored
 *     to PROJECT_WIDE_ANCHOR;
 *   - `region.startLine` must be >= 1 — a finding with a file but no line is
 *     placed at line 1 (the file as a whole), and columns are written only when known;
 *   - URIs are relative to the checkout, with uriBaseId %SRCROOT% as in GitHub's
 *     examples, and percent-encoded (the schema wants a URI reference, not a path);
 *   - alerts are matched across runs by `partialFingerprints`, so ours hash
 *     rule, file and message but not the line (see fingerprintFindings).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Finding, Report, RuleInfo } from "../../model/findings/finding.js";
import { fingerprintFindings, PROJECT_WIDE_ANCHOR, type Reporter, sortFindings } from "./reporter.js";

export const SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json";
/** The key under partialFingerprints; the suffix lets us change the hash without clashing with old alerts. */
export const FINGERPRINT_KEY = "protogovFindingHash/v1";

export interface SarifToolInfo {
  version: string;
  /** Where to read about the tool; omitted when package.json has no homepage. */
  informationUri?: string;
}

/**
 * A SARIF reporter for a given tool description; tests pass a fixed one.
 * The default reads protogov's package.json the first time it is needed.
 */
export function createSarifReporter(tool: () => SarifToolInfo = readToolInfo): Reporter {
  return (report) => `${JSON.stringify(toSarifLog(report, tool()), null, 2)}\n`;
}

export const sarifReporter: Reporter = createSarifReporter();

/** The SARIF log as data (a plain object ready for JSON.stringify). */
export function toSarifLog(report: Report, tool: SarifToolInfo): Record<string, unknown> {
  const findings = sortFindings(report.findings);
  const rules = collectRules(findings, report.rules);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const fingerprints = fingerprintFindings(findings);
  const results = findings.map((f, i) => toResult(f, ruleIndex.get(f.rule) ?? -1, fingerprints[i] ?? ""));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "protogov",
            ...(tool.informationUri !== undefined ? { informationUri: tool.informationUri } : {}),
            version: tool.version,
            rules: rules.map(toReportingDescriptor),
          },
        },
        results,
      },
    ],
  };
}

/**
 * Every rule described in the report plus any rule a finding names that has no
 * description (buf's rules, say), sorted by id so ruleIndex is stable.
 */
function collectRules(findings: readonly Finding[], described: Report["rules"]): RuleInfo[] {
  const byId = new Map<string, RuleInfo | undefined>();
  for (const [id, info] of described ?? []) byId.set(id, info);
  for (const f of findings) if (!byId.has(f.rule)) byId.set(f.rule, undefined);
  return [...byId.keys()].sort().map((id) => byId.get(id) ?? { id, description: "", category: "" });
}

function toReportingDescriptor(rule: RuleInfo): Record<string, unknown> {
  return {
    id: rule.id,
    // SARIF requires a non-empty text in a description, so undescribed rules get none.
    ...(rule.description !== "" ? { shortDescription: { text: rule.description } } : {}),
    ...(rule.helpUri !== undefined ? { helpUri: rule.helpUri } : {}),
    // GitHub shows properties.tags as filters on the alert list.
    ...(rule.category !== "" ? { properties: { tags: [rule.category] } } : {}),
  };
}

function toResult(f: Finding, ruleIndex: number, fingerprint: string): Record<string, unknown> {
  const text = f.hint !== undefined && f.hint !== "" ? `${f.message}\nHint: ${f.hint}` : f.message;
  return {
    ruleId: f.rule,
    ruleIndex,
    level: f.severity === "error" ? "error" : "warning",
    message: { text },
    locations: [{ physicalLocation: physicalLocation(f) }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    properties: { source: f.source },
  };
}

function physicalLocation(f: Finding): Record<string, unknown> {
  const path = f.file === "" ? PROJECT_WIDE_ANCHOR : f.file;
  return { artifactLocation: { uri: toRelativeUri(path), uriBaseId: "%SRCROOT%" }, region: toRegion(f) };
}

/**
 * Only known, consistent coordinates (SARIF forbids a region that ends before
 * it starts). A finding about a whole file still gets `startLine: 1`, since
 * GitHub needs a line to place the alert.
 */
function toRegion(f: Finding): Record<string, number> {
  if (f.line <= 0) return { startLine: 1 };
  const region: Record<string, number> = { startLine: f.line };
  if (f.column > 0) region.startColumn = f.column;
  const endLine = f.endLine !== undefined && f.endLine >= f.line ? f.endLine : undefined;
  if (endLine !== undefined) region.endLine = endLine;
  const endColumn = f.endColumn;
  if (endColumn !== undefined && f.column > 0 && ((endLine ?? f.line) > f.line || endColumn >= f.column)) {
    region.endColumn = endColumn;
  }
  return region;
}

/**
 * A project path as a relative URI reference: each segment percent-encoded, so
 * spaces, `#`, `%` and a `:` in the first segment (read as a URI scheme
 * otherwise) survive; the slashes between segments stay.
 */
export function toRelativeUri(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

let cachedToolInfo: SarifToolInfo | undefined;

/**
 * protogov's version and homepage from its package.json, found by walking up
 * from this module (it runs from `core/` in tests and from `dist/core/` when
 * built, at different depths). Read lazily and once, so importing the registry
 * costs nothing for the other reporters.
 */
function readToolInfo(): SarifToolInfo {
  if (cachedToolInfo) return cachedToolInfo;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "package.json");
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, "utf8")) as { name?: string; version?: string; homepage?: string };
      if (pkg.name === "protogov") {
        cachedToolInfo = {
          version: pkg.version ?? "0.0.0",
          ...(pkg.homepage !== undefined ? { informationUri: pkg.homepage } : {}),
        };
        return cachedToolInfo;
      }
    }
    const up = dirname(dir);
    if (up === dir) return { version: "0.0.0" };
    dir = up;
  }
}

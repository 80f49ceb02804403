/**
 * The result cache of `lint`, `check` without a base, and the hook: the
 * findings of a run are stored under a key of everything that decides them
 * (protogov's and buf's versions, the configuration files, the steps, the
 * files in scope) together with each file's content hash. The next run hashes
 * the files again:
 *
 * - nothing changed: the stored findings are the answer (no buf, no compile);
 * - some files changed: only the files whose findings can differ are checked
 *   again, the rest keep their stored findings. A file's findings depend on
 *   its own bytes, on what it imports (transitively), on the other files of
 *   its package (package-wide rules: PACKAGE_OWNER, buf's PACKAGE_*), and for
 *   error enums on every other error enum (numbers are unique across the
 *   repository), and for the AIP rules that report a method's request fields
 *   in the request's file, on the files that import it. So the files
 *   re-checked are the changed ones, the files that import them, their package
 *   siblings, when an error enum changed every file with error annotations,
 *   and, when the AIP pack is on, the files of other packages all of those
 *   import and their importers (on googleapis that is every file importing
 *   google/api: an edit there is a full run with AIP, about 0.1x without).
 * - anything else (the configuration, a version, a run that reports a
 *   compile error or project-wide findings, or a change touching a quarter of
 *   the files): a full run, stored for next time.
 *
 * Where: PROTOGOV_CACHE_DIR, else $XDG_CACHE_HOME/protogov, else ~/.cache/protogov
 * (the base images live there too); bounded by PROTOGOV_CACHE_MAX_MB (default
 * 512); PROTOGOV_NO_CACHE=1 turns it off, and PROTOGOV_TIMINGS=1 (which reports
 * where a run's time goes) bypasses it. Entries are verified on read
 * (content-store.ts).
 */
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { cacheDir, cacheDisabled } from "../../engines/cache/cache-dir.js";
import { codeFingerprint } from "../../engines/cache/code-fingerprint.js";
import { ContentStore, sha256 } from "../../engines/cache/content-store.js";
import { configNamesAip } from "../../engines/rules/rule-ids.js";
import { compareFindings, type Finding } from "../../model/findings/finding.js";
import type { Project, ProtoFile } from "../../model/project/project.js";
import { narrowTo } from "../../model/project/project-at.js";
import { PROTOGOV_VERSION } from "../../model/version.js";

/** Above this share of the files in scope to re-check (and this many files), one full run is faster than a narrowed one. */
const NARROW_MAX_SHARE = 0.25;
const NARROW_ALWAYS_FILES = 50;

interface RunRecord {
  /** Content hash per project-relative path of every project file when the run was made. */
  files: Record<string, string>;
  /**
   * Size, modification time and inode per file, as git's index keeps them: a
   * file whose stat is unchanged is not read again. A file modified within a
   * second of the record (`written`) is read anyway (git's "racy" case).
   */
  stats?: Record<string, string>;
  written?: number;
  /** Request and response types of each file's RPCs (see MODULE_WIDE_RULES). */
  rpcs?: Record<string, string>;
  findings: Finding[];
}

interface FileHash {
  file: ProtoFile;
  hash: string;
}

/** What decides which files a change affects; read only when something changed. */
interface FileFacts extends FileHash {
  imports: string[];
  pkg: string;
  errors: boolean;
  /** The file's RPCs' request and response type names, sorted: what RPC_REQUEST_RESPONSE_UNIQUE counts. */
  rpcs: string;
}

/**
 * buf rules whose finding in one file depends on every file of the module:
 * RPC_REQUEST_RESPONSE_UNIQUE flags an RPC whose request or response type
 * another RPC anywhere uses too. A narrowed run sees only the re-checked files,
 * so these findings of re-checked files that did not change are taken from the
 * record instead, which is exact as long as no changed file changed the set of
 * request/response types in use (otherwise: a full run).
 */
const MODULE_WIDE_RULES = new Set(["RPC_REQUEST_RESPONSE_UNIQUE"]);

export type ProjectRun = (project: Project) => Promise<Finding[]>;

/** PROTOGOV_CACHE_REPORT=1 says on stderr how each run used the cache (for CI logs and the tests). */
function report(message: string): void {
  if (process.env["PROTOGOV_CACHE_REPORT"]) process.stderr.write(`protogov: result cache: ${message}\n`);
}

/** What else decides the findings; tests pass other versions. */
export interface Versions {
  protogov: string;
  buf: string;
}

/** Findings for `project`'s files in scope, from the cache where they cannot have changed. */
export async function cachedFindings(
  project: Project,
  steps: string,
  run: ProjectRun,
  versions: Versions = { protogov: PROTOGOV_VERSION, buf: bufVersion() },
): Promise<Finding[]> {
  // PROTOGOV_TIMINGS=1 asks where a run's time goes: it gets a real run.
  if (cacheDisabled() || process.env["PROTOGOV_TIMINGS"]) return run(project);
  const store = new ContentStore(join(cacheDir(), "results"), {
    maxBytes: maxCacheBytes(),
    warn: (m) => process.stderr.write(`protogov: warning: ${m}\n`),
  });
  const key = sha256([contextOf(project, steps, versions, await ownCode()), ...project.inScope.map((f) => f.rel)].join("\0"));
  const record = readRecord(store, key);
  const stats = project.files.map(statOf);
  const facts = project.files.map((file, i) => hashOf(file, stats[i] ?? "", record));
  if (record && unchanged(facts, record)) {
    report(`hit (0 of ${project.inScope.length} files re-checked)`);
    return record.findings;
  }
  if (!record) report(`full run (${project.inScope.length} files; nothing stored for this configuration and these versions)`);
  const outcome = record ? await fromRecord(project, facts, record, run) : { findings: await run(project), facts: undefined };
  const all = outcome.facts ?? facts.map(factsOf);
  const next: RunRecord = {
    files: Object.fromEntries(facts.map((f) => [f.file.rel, f.hash])),
    stats: Object.fromEntries(project.files.map((f, i) => [f.rel, stats[i] ?? ""])),
    written: Date.now(),
    rpcs: Object.fromEntries(all.filter((f) => f.rpcs !== "").map((f) => [f.file.rel, f.rpcs])),
    findings: outcome.findings,
  };
  const findings = outcome.findings;
  store.write(key, Buffer.from(JSON.stringify(next)));
  return findings;
}

function unchanged(facts: readonly FileHash[], record: RunRecord): boolean {
  return facts.length === Object.keys(record.files).length && facts.every((f) => record.files[f.file.rel] === f.hash);
}

interface Outcome {
  findings: Finding[];
  /** The facts of every file, when they were read. */
  facts: FileFacts[] | undefined;
}

async function fromRecord(project: Project, hashes: FileHash[], record: RunRecord, run: ProjectRun): Promise<Outcome> {
  const changed = new Set<string>();
  const now = new Set(hashes.map((f) => f.file.rel));
  for (const f of hashes) if (record.files[f.file.rel] !== f.hash) changed.add(f.file.rel);
  for (const rel of Object.keys(record.files)) if (!now.has(rel)) changed.add(rel);
  const facts = hashes.map(factsOf);
  const full = async (why: string): Promise<Outcome> => {
    report(`full run (${project.inScope.length} files; ${why})`);
    return { findings: await run(project), facts };
  };
  const inScope = new Set(project.inScope.map((f) => f.rel));
  const projectWide = record.findings.some((f) => !inScope.has(f.file));
  const rpcsMoved =
    !record.rpcs || [...changed].some((rel) => (record.rpcs?.[rel] ?? "") !== (facts.find((f) => f.file.rel === rel)?.rpcs ?? ""));
  if (projectWide) return full("the last run had project-wide findings");
  if (rpcsMoved) return full("the request/response types of RPCs changed");
  const dirty = affected(facts, changed, record, configNamesAip(project.loaded.config.lint));
  for (const rel of rpcPartners(
    facts.filter((f) => inScope.has(f.file.rel)),
    changed,
    dirty,
  ))
    dirty.add(rel);
  const recheck = project.inScope.filter((f) => dirty.has(f.rel));
  if (recheck.length > Math.max(NARROW_ALWAYS_FILES, project.inScope.length * NARROW_MAX_SHARE))
    return full(`${recheck.length} files affected`);
  report(`re-checked ${recheck.length} of ${project.inScope.length} files (${changed.size} changed)`);
  const fresh = recheck.length === 0 ? [] : await run(narrowTo(project, new Set(recheck.map((f) => f.importPath))));
  // A compile error stops the whole run in a full check, and project-wide findings are not per file: both need one.
  if (fresh.some((f) => f.rule === "COMPILE" || !dirty.has(f.file))) return full("a compile error or a project-wide finding");
  const stable = (f: Finding) => dirty.has(f.file) && !changed.has(f.file) && MODULE_WIDE_RULES.has(f.rule);
  const kept = record.findings.filter((f) => inScope.has(f.file) && (!dirty.has(f.file) || stable(f)));
  const findings = [...kept, ...fresh.filter((f) => !stable(f))].sort(compareFindings);
  return { findings, facts };
}

/** The changed files plus every file whose findings they can change (see the file comment). */
function affected(facts: FileFacts[], changed: ReadonlySet<string>, record: RunRecord, aip: boolean): Set<string> {
  const byImport = new Map(facts.map((f) => [f.file.importPath, f]));
  const importers = new Map<string, string[]>();
  for (const f of facts) {
    for (const imp of f.imports) {
      const target = byImport.get(imp);
      if (target) importers.set(target.file.rel, [...(importers.get(target.file.rel) ?? []), f.file.rel]);
    }
  }
  const dirty = new Set(changed);
  const addImporters = (from: Iterable<string>) => {
    const queue = [...from];
    while (queue.length > 0) {
      const rel = queue.pop() ?? "";
      for (const importer of importers.get(rel) ?? []) {
        if (!dirty.has(importer)) {
          dirty.add(importer);
          queue.push(importer);
        }
      }
    }
  };
  addImporters(changed);
  const touched = facts.filter((f) => dirty.has(f.file.rel));
  const packages = new Set(touched.map((f) => f.pkg));
  // A deleted file's error enums leave the catalog too: its old findings named it.
  const errorsChanged =
    touched.some((f) => f.errors) || [...changed].some((rel) => !facts.some((f) => f.file.rel === rel) && rel in record.files);
  for (const f of facts) if (packages.has(f.pkg) || (errorsChanged && f.errors)) dirty.add(f.file.rel);
  // AIP rules report a method's request fields and response message in the file declaring them
  // (rules/aip/checked-messages.ts): a changed method re-checks the files of other packages it imports
  // (its own package's are siblings), and a file re-checked needs every method that reaches it, in its importers.
  // No other rule reports in another file: without the AIP pack, an edit re-checks its importers and packages only.
  if (!aip) return dirty;
  const imported = touched.flatMap((f) =>
    f.imports.flatMap((imp) => {
      const target = byImport.get(imp);
      return target && target.pkg !== f.pkg ? [target.file.rel] : [];
    }),
  );
  for (const rel of imported) dirty.add(rel);
  addImporters([...dirty]);
  return dirty;
}

/**
 * Files to re-check beside the dirty ones so that buf sees, for every RPC of
 * a changed file, a second use of its request or response type when there is
 * one: RPC_REQUEST_RESPONSE_UNIQUE in a narrowed run only counts the RPCs of
 * the files it checks. One partner per type suffices; a type already used
 * twice among the dirty files needs none. Types are compared by their
 * package-qualified spelling within the dirty files (a spelling mismatch only
 * adds a partner) and by simple name when looking for a partner (a wider net).
 */
function rpcPartners(facts: readonly FileFacts[], changed: ReadonlySet<string>, dirty: ReadonlySet<string>): string[] {
  const qualified = (f: FileFacts, name: string) => (name.includes(".") ? name.replace(/^\./, "") : `${f.pkg}.${name}`);
  const simple = (name: string) => name.slice(name.lastIndexOf(".") + 1);
  const typesOf = (f: FileFacts) => (f.rpcs === "" ? [] : f.rpcs.split(" ").map((t) => t.slice(1)));
  const inDirty = new Map<string, number>();
  /** Simple type name -> the first file outside the dirty ones whose RPCs use it. */
  const partnerOf = new Map<string, string>();
  for (const f of facts) {
    for (const t of typesOf(f)) {
      if (dirty.has(f.file.rel)) inDirty.set(qualified(f, t), (inDirty.get(qualified(f, t)) ?? 0) + 1);
      else if (!partnerOf.has(simple(t))) partnerOf.set(simple(t), f.file.rel);
    }
  }
  const partners = new Set<string>();
  for (const f of facts) {
    if (!changed.has(f.file.rel)) continue;
    for (const t of typesOf(f)) {
      if ((inDirty.get(qualified(f, t)) ?? 0) >= 2) continue;
      const partner = partnerOf.get(simple(t));
      if (partner) partners.add(partner);
    }
  }
  return [...partners];
}

function statOf(file: ProtoFile): string {
  try {
    const st = statSync(file.abs);
    return `${st.size}:${st.mtimeMs}:${st.ino}`;
  } catch {
    return "";
  }
}

function hashOf(file: ProtoFile, stat: string, record: RunRecord | undefined): FileHash {
  const known = record?.files[file.rel];
  const mtime = Number(stat.split(":")[1]);
  if (known && stat !== "" && record?.stats?.[file.rel] === stat && mtime < (record.written ?? 0) - 1000) return { file, hash: known };
  try {
    return { file, hash: sha256(readFileSync(file.abs)) };
  } catch {
    // An unreadable file is the run's to report; it counts as changed.
    return { file, hash: "" };
  }
}

function factsOf(h: FileHash): FileFacts {
  let text = "";
  try {
    text = readFileSync(h.file.abs, "latin1");
  } catch {
    // see hashOf
  }
  return {
    ...h,
    imports: [...text.matchAll(/^[ \t]*import[ \t]+(?:public[ \t]+|weak[ \t]+)?"([^"]+)"[ \t]*;/gm)].map((m) => m[1] ?? ""),
    pkg: /^[ \t]*package[ \t]+([\w.]+)[ \t]*;/m.exec(text)?.[1] ?? "",
    errors: text.includes("protogov.errors.v1"),
    rpcs: [...text.matchAll(/\brpc\s+\w+\s*\(\s*(?:stream\s+)?([\w.]+)\s*\)\s*returns\s*\(\s*(?:stream\s+)?([\w.]+)\s*\)/g)]
      .flatMap((m) => [`>${m[1] ?? ""}`, `<${m[2] ?? ""}`])
      .sort()
      .join(" "),
  };
}

/** Everything besides the files that decides the findings. */
function contextOf(project: Project, steps: string, versions: Versions, code: string): string {
  const { loaded } = project;
  const configs = [loaded.file, join(loaded.root, "buf.yaml"), join(loaded.root, "buf.work.yaml")].map((path) => {
    try {
      return path ? readFileSync(path, "utf8") : "";
    } catch {
      return "";
    }
  });
  return [
    "protogov-results-1",
    versions.protogov,
    code,
    versions.buf,
    steps,
    process.env["PROTOGOV_LINT_VIA"] ?? "",
    loaded.layoutSource,
    // Relative: the hook checks a copy in a new temporary directory on every commit, and its key must not change with it.
    JSON.stringify(project.modules.map((m) => [m.rel, m.excludes.map((e) => relative(project.root, e).split(sep).join("/"))])),
    ...configs,
  ].join("\0");
}

let code: Promise<string> | undefined;
/** The result cache's part of protogov's code: what decides findings (see code-fingerprint.ts). */
function ownCode(): Promise<string> {
  code ??= codeFingerprint(fileURLToPath(new URL("../../../", import.meta.url)), ["core", "plugins"]);
  return code;
}

let buf: string | undefined;
function bufVersion(): string {
  buf ??= (createRequire(import.meta.url)("@bufbuild/buf/package.json") as { version: string }).version;
  return buf;
}

function readRecord(store: ContentStore, key: string): RunRecord | undefined {
  const bytes = store.read(key);
  if (!bytes) return undefined;
  try {
    const record = JSON.parse(bytes.toString("utf8")) as RunRecord;
    return record && typeof record.files === "object" && Array.isArray(record.findings) ? record : undefined;
  } catch {
    return undefined;
  }
}

function maxCacheBytes(): number {
  const mb = Number(process.env["PROTOGOV_CACHE_MAX_MB"] ?? "512");
  return (Number.isFinite(mb) && mb > 0 ? mb : 512) * 1024 * 1024;
}

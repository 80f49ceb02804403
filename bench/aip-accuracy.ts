/**
 * `node dist/bench/aip-accuracy.js [corpus] [--api-linter-json FILE]`: runs
 * protogov's AIP pack and api-linter (the oracle, pinned in
 * bench/api-linter/go.mod, installed into .cache/bin by `bench/api-linter/install.sh`)
 * on the same tree and compares, per implemented rule, the findings on
 * (file, line, column of the element's name) in both directions. Prints a
 * Markdown table (ACCURACY.md) and the disagreements per rule (stderr).
 * `--image FILE` reuses a `buf build` image of the corpus; `--api-linter-json FILE`
 * reuses api-linter's output; only files present in it are compared then.
 * `--rule NAME` (repeatable; `core::0133` or a full name) runs and compares only
 * those rules, e.g. the ones an api-linter run restricted with --enable-rule had on.
 *
 * A finding is keyed on the file its location names (api-linter's
 * `location.path`), not on the file being linted (`file_path`): method rules
 * that walk from a request report fields declared in other files under the
 * method's file (AIP-203 field-behavior-required, AIP-133/134
 * request-required-fields), and protogov reports those in the field's file.
 * For every other rule the two are the same file.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bufBinary } from "../core/engines/buf/buf.js";
import { readImageFile } from "../core/engines/compile/image-reader.js";
import { apiLinterNameOf } from "../core/engines/rules/aip/aip-rule.js";
import { runGovernanceRules } from "../core/engines/rules/engine.js";
import { everyRule as governanceRules } from "../core/engines/rules/every-rule.js";
import { defaultConfig } from "../core/model/config/protogov-config.js";
import { listProtoFiles } from "../core/model/project/list-files.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

interface ApiLinterFile {
  file_path: string;
  problems: { rule_id: string; location?: { path?: string; start_position?: { line_number: number; column_number: number } } }[];
}

const args = process.argv.slice(2);
const jsonAt = args.indexOf("--api-linter-json");
const apiLinterJson = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
const imageAt = args.indexOf("--image");
const prebuilt = imageAt >= 0 ? args[imageAt + 1] : undefined;
const ruleArgs = new Set(args.flatMap((a, i) => (a === "--rule" ? [i, i + 1] : [])));
const only = args.filter((_, i) => args[i - 1] === "--rule");
const corpus = resolve(
  args.find((a, i) => !a.startsWith("--") && i !== jsonAt + 1 && i !== imageAt + 1 && !ruleArgs.has(i)) ??
    join(repoRoot, "../shared/corpora/googleapis"),
);
const wanted = (name: string) => only.length === 0 || only.some((o) => name === o || name.startsWith(`${o}::`));
const aipRules = governanceRules.filter((r) => r.aip !== undefined && wanted(apiLinterNameOf(r) ?? r.id));
const nameOf = new Map(aipRules.map((r) => [r.id, apiLinterNameOf(r) ?? r.id]));

const work = mkdtempSync(join(tmpdir(), "protogov-aip-accuracy-"));
try {
  const files = listProtoFiles(corpus, []).map((f) => relative(corpus, resolve(corpus, f)).replace(/\\/g, "/"));
  let apiLinter: ApiLinterFile[];
  if (apiLinterJson) apiLinter = JSON.parse(readFileSync(apiLinterJson, "utf8")) as ApiLinterFile[];
  else {
    const out = join(work, "api-linter.json");
    const bin = join(repoRoot, ".cache", "bin", "api-linter");
    execFileSync(bin, ["-I", ".", "--output-format", "json", "-o", out, ...files], {
      cwd: corpus,
      stdio: ["ignore", "ignore", "inherit"],
      maxBuffer: 1 << 30,
    });
    apiLinter = JSON.parse(readFileSync(out, "utf8")) as ApiLinterFile[];
  }
  const image = prebuilt ?? join(work, "image.binpb");
  if (!prebuilt) execFileSync(bufBinary(), ["build", ".", "-o", image], { cwd: corpus, stdio: "inherit" });
  const config = defaultConfig();
  for (const r of governanceRules) config.lint.rules[r.id] = { severity: aipRules.includes(r) ? "error" : "off", options: {} };
  // api-linter lists every file it linted (with or without problems): compare on those.
  const own = new Set(apiLinter.length > 0 ? apiLinter.map((f) => f.file_path) : files);
  const findings = runGovernanceRules(
    readImageFile(image),
    {
      files: new Map(files.map((f) => [f, { rel: f, abs: join(corpus, f) }])),
      inScope: [...own],
      config,
      configFile: undefined,
    },
    governanceRules,
  );

  const ours = new Map<string, Set<string>>();
  const theirs = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, rule: string, key: string) => m.set(rule, (m.get(rule) ?? new Set()).add(key));
  for (const f of findings) add(ours, nameOf.get(f.rule) ?? f.rule, `${f.file}:${f.line}:${f.column}`);
  for (const file of apiLinter) {
    for (const p of file.problems ?? []) {
      const pos = p.location?.start_position;
      add(theirs, p.rule_id, `${p.location?.path || file.file_path}:${pos?.line_number ?? 0}:${pos?.column_number ?? 0}`);
    }
  }
  console.log(
    "| rule | protogov | api-linter | both | only protogov | only api-linter | protogov's found by api-linter | api-linter's found by protogov |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const name of [...nameOf.values()].sort()) {
    const a = ours.get(name) ?? new Set();
    const b = theirs.get(name) ?? new Set();
    const both = [...a].filter((k) => b.has(k));
    const onlyOurs = [...a].filter((k) => !b.has(k));
    const onlyTheirs = [...b].filter((k) => !a.has(k));
    const pct = (n: number, d: number) => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(2)}%`);
    console.log(
      `| \`${name}\` | ${a.size} | ${b.size} | ${both.length} | ${onlyOurs.length} | ${onlyTheirs.length} | ${pct(both.length, a.size)} | ${pct(both.length, b.size)} |`,
    );
    for (const k of onlyOurs.slice(0, 15)) console.error(`${name} only protogov: ${k}`);
    for (const k of onlyTheirs.slice(0, 15)) console.error(`${name} only api-linter: ${k}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

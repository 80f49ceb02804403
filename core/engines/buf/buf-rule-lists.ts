/**
 * buf's lint and breaking rules and categories (`buf config ls-lint-rules` /
 * `ls-breaking-rules`), for checking the ids protogov.yaml names. buf is a
 * pinned dependency, so the build writes every list once (build-data.ts)
 * and a run reads that file instead of starting two buf processes before
 * its checks (about 0.1 s of CPU on every pre-commit hook). A buf other than
 * the one the lists were written for is asked directly.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { runBuf } from "./buf.js";

export type BufRuleKind = "lint" | "breaking";
export type BufConfigVersion = "v1beta1" | "v1" | "v2";

export interface BufRuleList {
  ids: string[];
  categories: string[];
}

interface BuiltLists {
  buf: string;
  lists: Record<string, BufRuleList>;
}

const BUILT_FILE = fileURLToPath(new URL("./buf-rule-lists.json", import.meta.url));
const VERSIONS: readonly BufConfigVersion[] = ["v1beta1", "v1", "v2"];

let built: BuiltLists | null | undefined;

function bufPackageVersion(): string {
  return (createRequire(import.meta.url)("@bufbuild/buf/package.json") as { version: string }).version;
}

function builtLists(): BuiltLists | null {
  if (built !== undefined) return built;
  try {
    const parsed = JSON.parse(readFileSync(BUILT_FILE, "utf8")) as BuiltLists;
    built = parsed.buf === bufPackageVersion() ? parsed : null;
  } catch {
    built = null;
  }
  return built;
}

export async function bufRuleList(kind: BufRuleKind, version: BufConfigVersion, cwd: string): Promise<BufRuleList> {
  return builtLists()?.lists[`${kind} ${version}`] ?? askBuf(kind, version, cwd);
}

async function askBuf(kind: BufRuleKind, version: BufConfigVersion, cwd: string): Promise<BufRuleList> {
  const args = ["config", `ls-${kind}-rules`, "--version", version, "--format", "json", "--include-deprecated"];
  const result = await runBuf(args, { cwd, okCodes: [0] });
  const ids = new Set<string>();
  const categories = new Set<string>();
  for (const line of result.stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    const rule = JSON.parse(line) as { id: string; categories?: string[] };
    ids.add(rule.id);
    for (const c of rule.categories ?? []) categories.add(c);
  }
  return { ids: [...ids], categories: [...categories] };
}

/** Build step: every list of the installed buf, next to this module. */
export async function writeBufRuleLists(cwd: string): Promise<void> {
  const lists: Record<string, BufRuleList> = {};
  for (const kind of ["lint", "breaking"] as const) {
    for (const version of VERSIONS) lists[`${kind} ${version}`] = await askBuf(kind, version, cwd);
  }
  writeFileSync(BUILT_FILE, `${JSON.stringify({ buf: bufPackageVersion(), lists } satisfies BuiltLists)}\n`);
}

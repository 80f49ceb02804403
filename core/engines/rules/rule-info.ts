/**
 * Rule descriptions for reporters that describe rules (SARIF): protogov's from
 * the registry, buf's from `buf config ls-lint-rules` (a 0.1 s call).
 */

import type { RuleInfo } from "../../model/findings/finding.js";
import { runBuf } from "../buf/buf.js";

export async function ruleInfos(): Promise<Map<string, RuleInfo>> {
  const infos = new Map<string, RuleInfo>();
  try {
    const result = await runBuf(["config", "ls-lint-rules", "--version", "v2", "--format", "json"], { cwd: process.cwd(), okCodes: [0] });
    for (const line of result.stdout.split("\n")) {
      if (!line.startsWith("{")) continue;
      const r = JSON.parse(line) as { id: string; purpose: string; categories: string[] };
      infos.set(r.id, {
        id: r.id,
        description: r.purpose,
        category: r.categories[0] ?? "OTHER",
        helpUri: "https://buf.build/docs/lint/rules/",
      });
    }
  } catch {
    // Descriptions are a nicety; a report without them is still correct.
  }
  infos.set("COMPILE", { id: "COMPILE", description: "The file compiles.", category: "COMPILE" });
  infos.set("FORMAT", { id: "FORMAT", description: "The file is formatted as `buf format` formats it.", category: "FORMAT" });
  // The rules load here, not with this module: a run that reports no SARIF never pays for them.
  const { allRules } = await import("./registry.js");
  for (const r of await allRules()) infos.set(r.id, { id: r.id, description: r.description, category: r.category });
  return infos;
}

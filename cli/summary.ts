/** The one-paragraph API summary `check` and `breaking` attach to their report. */

import type { CheckResult } from "../core/features/pipeline/checks.js";
import type { ApiSummary } from "../core/model/findings/finding.js";

export function diffSummary(result: CheckResult): { api?: ApiSummary } {
  const { base, changed } = result.scope;
  if (!base) return {};
  const counts = { breaking: 0, feature: 0, docs: 0, internal: 0 };
  for (const c of result.diff?.changes ?? []) counts[c.classification]++;
  return {
    api: {
      base: base.label,
      incremental: changed !== undefined,
      filesChanged: changed?.changed.size,
      bump: result.diff?.bump ?? "none",
      counts,
    },
  };
}

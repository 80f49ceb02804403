/** Loads the AIP pack on demand (see pack.ts): only runs whose config names it pay for its modules. */
import type { GovernanceRule } from "../rule.js";

let pack: Promise<readonly GovernanceRule[]> | undefined;

export function loadAipPack(): Promise<readonly GovernanceRule[]> {
  pack ??= import("./pack.js").then((m) => m.aipRules);
  return pack;
}

/**
 * Every package has an owner listed in protogov.yaml (`owners`, longest prefix
 * wins), so reviews, on-call and docs know whom to ask. Off by default: it needs
 * the owners map first.
 */

import { FilePath } from "../../../model/descriptors/source-paths.js";
import { OncePerKey } from "../once-per-key.js";
import { defineRule } from "../rule.js";

export function ownerOf(pkg: string, owners: Readonly<Record<string, string>>): string | undefined {
  let best: string | undefined;
  let bestLength = -1;
  for (const [prefix, owner] of Object.entries(owners)) {
    if ((pkg === prefix || pkg.startsWith(`${prefix}.`)) && prefix.length > bestLength) {
      best = owner;
      bestLength = prefix.length;
    }
  }
  return best;
}

export default defineRule({
  id: "PACKAGE_OWNER",
  category: "OWNERSHIP",
  defaultSeverity: "off",
  description: "Every package maps to an owner in the `owners` section of protogov.yaml.",
  rationale: "An API without an owner has nobody to review changes or answer consumers; buf has no notion of ownership.",
  create: () => {
    // One finding per package, on its first file by path: the fix is one config line.
    const unowned = new OncePerKey();
    return {
      file(ctx) {
        const pkg = ctx.proto.package;
        if (!pkg || ownerOf(pkg, ctx.config.owners) !== undefined) return;
        const top = pkg.split(".").slice(0, 2).join(".");
        unowned.offer(
          pkg,
          ctx.anchor([FilePath.package]),
          `package "${pkg}" has no owner`,
          `add an entry such as \`owners: { ${top}: "@team" }\` to protogov.yaml`,
        );
      },
      end(ctx) {
        unowned.report(ctx);
      },
    };
  },
});

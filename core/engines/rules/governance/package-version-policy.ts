/**
 * buf's PACKAGE_VERSION_SUFFIX accepts any version shape (v1, v1test, v1p1beta1,
 * v2alpha...). A company usually allows fewer stability levels: this rule says
 * which ones are allowed, so an `alpha` or `test` package cannot land on main
 * by accident, and names the level it found.
 */
import { stabilityOf } from "../../../model/config/stability.js";
import { FilePath } from "../../../model/descriptors/source-paths.js";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "PACKAGE_VERSION_POLICY",
  category: "VERSIONING",
  defaultSeverity: "error",
  description:
    "Packages end in a version whose stability level (stable vN, vNbetaM, vNalphaM, vNtest; more words in protogov.yaml stability) is allowed.",
  rationale:
    "Versioned packages let an API evolve without breaking clients (AIP-185). buf checks the suffix's shape; this rule enforces which stability levels the organisation accepts (a missing version stays buf's PACKAGE_VERSION_SUFFIX finding).",
  options: {
    allow: {
      type: "string[]",
      description: "Allowed levels: stable, beta, alpha, test.",
      default: ["stable", "beta", "alpha"],
      values: ["stable", "beta", "alpha", "test"],
    },
  },
  create: () => ({
    file(ctx) {
      const pkg = ctx.proto.package;
      if (!pkg) return; // PACKAGE_DEFINED (buf) reports this
      const allow = ctx.options["allow"] as string[];
      const level = stabilityOf(pkg, ctx.config.stability);
      // A missing version is buf's PACKAGE_VERSION_SUFFIX finding; reporting it twice helps nobody.
      if (level === "unversioned") return;
      if (!allow.includes(level)) {
        ctx.report(
          [FilePath.package],
          `package "${pkg}" is ${level}, and this project allows only ${allow.join(", ")} packages`,
          `promote the package to an allowed level, or add "${level}" to lint.rules.PACKAGE_VERSION_POLICY.allow`,
        );
      }
    },
  }),
});

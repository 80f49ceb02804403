/**
 * protogov.yaml can allocate a block of business numbers to each error domain
 * (`error_ranges: { users.acme.example: { min: 10001, max: 19999 } }`), so
 * teams pick numbers without coordinating and the number tells support which
 * service to ask. Numbers must stay inside their domain's block.
 */

import { enumValuePath } from "../../../model/descriptors/walk.js";
import { errorEnumsIn } from "../../../model/error-model/error-model.js";
import { OncePerKey } from "../once-per-key.js";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "ERROR_NUMBER_RANGE",
  category: "ERRORS",
  defaultSeverity: "error",
  description: "Error numbers lie inside the range protogov.yaml allocates to their domain (error_ranges).",
  rationale: "Allocated ranges let teams choose numbers independently and let a number identify its service; buf has no such notion.",
  options: {
    require_range: {
      type: "boolean",
      description: "Also report error domains that have no entry in error_ranges.",
      default: false,
    },
  },
  create: () => {
    // One finding per domain, on its first enum by path.
    const unranged = new OncePerKey();
    return {
      file(ctx) {
        for (const { model, path } of errorEnumsIn(ctx.proto)) {
          if (!model.domain) continue;
          const range = ctx.config.errorRanges[model.domain];
          if (!range) {
            if (ctx.options["require_range"] === true) {
              unranged.offer(
                model.domain,
                ctx.anchor(path),
                `error domain "${model.domain}" has no number range in protogov.yaml`,
                `add \`error_ranges: { ${model.domain}: { min: ..., max: ... } }\` to protogov.yaml`,
              );
            }
            continue;
          }
          for (const error of model.errors) {
            const n = error.options.number;
            if (n === 0 || (n >= range.min && n <= range.max)) continue;
            ctx.report(
              enumValuePath(path, error.index),
              `error number ${n} of ${error.value.name} is outside the range ${range.min}-${range.max} of domain "${model.domain}"`,
              `pick a free number between ${range.min} and ${range.max}, or change error_ranges in protogov.yaml`,
            );
          }
        }
      },
      end(ctx) {
        unranged.report(ctx);
      },
    };
  },
});

/**
 * Reasons follow AIP-193: UPPER_SNAKE_CASE, `[A-Z][A-Z0-9_]+[A-Z0-9]`, at most
 * 63 characters. The reason is the explicit `reason` of the option, or the
 * value name without the enum prefix, so a badly named value is caught here too.
 */

import { enumValuePath } from "../../../model/descriptors/walk.js";
import { errorEnumsIn } from "../../../model/error-model/error-model.js";
import { defineRule } from "../rule.js";

const REASON = /^[A-Z][A-Z0-9_]+[A-Z0-9]$/;
const MAX_REASON_LENGTH = 63;

export default defineRule({
  id: "ERROR_REASON_FORMAT",
  category: "ERRORS",
  defaultSeverity: "error",
  description: "Error reasons match [A-Z][A-Z0-9_]+[A-Z0-9] and have at most 63 characters (AIP-193).",
  rationale: "Clients switch on the reason; AIP-193 fixes its form so every language and gateway can carry it unchanged.",
  create: () => ({
    file(ctx) {
      for (const { model, path } of errorEnumsIn(ctx.proto)) {
        for (const error of model.errors) {
          const source = error.options.reason ? "reason" : "derived reason";
          let problem: string | undefined;
          if (error.reason.length > MAX_REASON_LENGTH) problem = `is ${error.reason.length} characters long (at most ${MAX_REASON_LENGTH})`;
          else if (!REASON.test(error.reason)) problem = "does not match [A-Z][A-Z0-9_]+[A-Z0-9]";
          if (!problem) continue;
          ctx.report(
            enumValuePath(path, error.index),
            `${source} "${error.reason}" of ${error.value.name} ${problem}`,
            error.options.reason
              ? "use UPPER_SNAKE_CASE, such as USER_NOT_FOUND"
              : "rename the value or set an explicit `reason` in the option",
          );
        }
      }
    },
  }),
});

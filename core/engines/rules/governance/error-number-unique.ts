/**
 * Business error numbers are shown to end users and support staff ("error
 * 10001"), so one number means one error across the whole repository, not
 * just within an enum or a package. Every error has one (0 means unset).
 */

import { enumValuePath } from "../../../model/descriptors/walk.js";
import { errorEnumsIn } from "../../../model/error-model/error-model.js";
import { defineRule } from "../rule.js";
import { DuplicateTracker } from "./error-duplicates.js";

export default defineRule({
  id: "ERROR_NUMBER_UNIQUE",
  category: "ERRORS",
  defaultSeverity: "error",
  description: "Every error has a business number, and no number is used twice in the repository.",
  rationale:
    "Two errors with one number make support tickets and user-facing docs ambiguous; the clash usually spans packages owned by different teams, which no per-file check sees.",
  create: () => {
    const numbers = new DuplicateTracker();
    return {
      file(ctx) {
        for (const { model, path } of errorEnumsIn(ctx.proto)) {
          for (const error of model.errors) {
            const at = enumValuePath(path, error.index);
            if (error.options.number === 0) {
              ctx.report(at, `${error.value.name} has no error number`, "set `number` in the (protogov.errors.v1.error) option");
              continue;
            }
            numbers.add(String(error.options.number), { anchor: ctx.anchor(at), protoName: error.protoName });
          }
        }
      },
      end(ctx) {
        numbers.report(ctx, (n) => `error number ${n}`, "give one of the errors a free number from its domain's range");
      },
    };
  },
});

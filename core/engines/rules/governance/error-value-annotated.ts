/**
 * In an error enum every non-zero value is an error and says so with the
 * `(protogov.errors.v1.error)` option, and the zero value never is: it is the
 * "not set" value every proto3 enum needs. A value without the option would
 * get no class, no number and no documentation, silently.
 */

import { enumValuePath } from "../../../model/descriptors/walk.js";
import { errorEnumsIn } from "../../../model/error-model/error-model.js";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "ERROR_VALUE_ANNOTATED",
  category: "ERRORS",
  defaultSeverity: "error",
  description: "Every non-zero value of an error enum has the (protogov.errors.v1.error) option; the zero value does not.",
  rationale:
    "Generated classes, error numbers and the error catalogue come from the option; a value without it is an error nobody can throw or look up. buf knows nothing about error enums.",
  create: () => ({
    file(ctx) {
      for (const { model, path } of errorEnumsIn(ctx.proto)) {
        for (const { value, index } of model.unannotated) {
          ctx.report(
            enumValuePath(path, index),
            `${value.name} of error enum ${model.fullName} has no (protogov.errors.v1.error) option`,
            'add `[(protogov.errors.v1.error) = { number: ..., message: "..." }]`, or move the value out of the error enum',
          );
        }
        if (model.annotatedZero) {
          ctx.report(
            enumValuePath(path, model.annotatedZero.index),
            `${model.annotatedZero.value.name} is the zero value of error enum ${model.fullName}, which is never an error`,
            "remove the (protogov.errors.v1.error) option from the zero value and give the error a non-zero value",
          );
        }
      }
    },
  }),
});

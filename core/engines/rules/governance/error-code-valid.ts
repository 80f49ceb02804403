/**
 * An error has a failure code: its own `code`, or the `default_code` of its
 * enum. With neither it would go out as UNKNOWN, which tells clients nothing
 * (and Code has no OK value on purpose). Numeric codes outside the gRPC set and
 * HTTP overrides outside 400-599 are mistakes too.
 */

import { enumValuePath } from "../../../model/descriptors/walk.js";
import { CODES, errorEnumsIn } from "../../../model/error-model/error-model.js";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "ERROR_CODE_VALID",
  category: "ERRORS",
  defaultSeverity: "error",
  description: "Every error resolves to a known failure code (its own or the enum's default_code); http_status overrides are 4xx or 5xx.",
  rationale:
    "The code decides retries, HTTP status and client handling; an unset code silently becomes UNKNOWN. buf cannot read custom option values.",
  create: () => ({
    file(ctx) {
      for (const { model, path } of errorEnumsIn(ctx.proto)) {
        for (const error of model.errors) {
          const at = enumValuePath(path, error.index);
          const name = error.value.name;
          if (error.codeMissing) {
            ctx.report(
              at,
              `${name} has no code and its enum ${model.fullName} has no default_code, so it would be sent as UNKNOWN`,
              "set `code` in the option (such as CODE_NOT_FOUND) or `default_code` in the enum's domain option",
            );
          } else if (!CODES[error.code]) {
            ctx.report(
              at,
              `${name} has code ${error.code}, which is not a gRPC status code`,
              "use one of the protogov.errors.v1.Code values",
            );
          }
          const http = error.options.httpStatus;
          if (http !== 0 && (http < 400 || http > 599)) {
            ctx.report(
              at,
              `http_status ${http} of ${name} is not an error status (400-599)`,
              "remove http_status to derive it from the code",
            );
          }
        }
      }
    },
  }),
});

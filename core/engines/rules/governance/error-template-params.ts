/**
 * Message templates name their parameters in lower_snake_case braces
 * (`"user {user_id} not found"`). Each parameter becomes a constructor property
 * and an ErrorInfo.metadata key in lowerCamelCase (`userId`), which AIP-193
 * restricts to [a-z][a-zA-Z0-9-_]+ and 64 characters. The message must not be
 * empty: it is what every client shows.
 */

import { enumValuePath } from "../../../model/descriptors/walk.js";
import { errorEnumsIn } from "../../../model/error-model/error-model.js";
import { metadataKeyProblem } from "../../../model/error-model/message-template.js";
import { defineRule } from "../rule.js";

export default defineRule({
  id: "ERROR_TEMPLATE_PARAMS",
  category: "ERRORS",
  defaultSeverity: "error",
  description: "Error messages are non-empty; template parameters are lower_snake_case and make valid AIP-193 metadata keys.",
  rationale:
    "AIP-193 requires every variable part of a message to be in ErrorInfo.metadata under a well-formed key; a malformed placeholder is rendered literally and cannot be typed.",
  create: () => ({
    file(ctx) {
      for (const { model, path } of errorEnumsIn(ctx.proto)) {
        for (const error of model.errors) {
          const at = enumValuePath(path, error.index);
          const name = error.value.name;
          if (error.options.message.trim() === "") {
            ctx.report(at, `${name} has an empty message`, 'set `message`, such as "user {user_id} not found"');
          }
          for (const bad of error.badPlaceholders) {
            ctx.report(
              at,
              `placeholder {${bad}} in the message of ${name} is not a lower_snake_case name`,
              "write parameters as {user_id}",
            );
          }
          const seen = new Map<string, string>();
          for (const param of error.params) {
            const problem = metadataKeyProblem(param.key);
            if (problem) {
              ctx.report(at, `parameter {${param.name}} of ${name}: metadata key "${param.key}" ${problem}`, "rename the parameter");
            }
            const other = seen.get(param.key);
            if (other) {
              ctx.report(
                at,
                `parameters {${other}} and {${param.name}} of ${name} both become the key "${param.key}"`,
                "rename one of them",
              );
            }
            seen.set(param.key, param.name);
          }
        }
      }
    },
  }),
});

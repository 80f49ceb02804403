/**
 * Within one domain a reason names exactly one error: clients (and our
 * registry) find the class of a received error by domain and reason. Two enums,
 * possibly in different files, may share a domain.
 */

import { enumValuePath } from "../../../model/descriptors/walk.js";
import { errorEnumsIn } from "../../../model/error-model/error-model.js";
import { defineRule } from "../rule.js";
import { DuplicateTracker } from "./error-duplicates.js";

export default defineRule({
  id: "ERROR_REASON_UNIQUE",
  category: "ERRORS",
  defaultSeverity: "error",
  description: "Error reasons are unique within their domain, across all files.",
  rationale: "AIP-193 identifies an error by (domain, reason); a repeated pair makes two errors indistinguishable to every client.",
  create: () => {
    const reasons = new DuplicateTracker();
    return {
      file(ctx) {
        for (const { model, path } of errorEnumsIn(ctx.proto)) {
          if (!model.domain) continue;
          for (const error of model.errors) {
            const anchor = ctx.anchor(enumValuePath(path, error.index));
            reasons.add(`${model.domain}\u0000${error.reason}`, { anchor, protoName: error.protoName });
          }
        }
      },
      end(ctx) {
        reasons.report(
          ctx,
          (key) => {
            const [domain, reason] = key.split("\u0000");
            return `reason ${reason} in domain "${domain}"`;
          },
          "rename the value or set a distinct explicit `reason`",
        );
      },
    };
  },
});

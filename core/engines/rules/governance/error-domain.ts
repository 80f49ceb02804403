/**
 * An error enum names its AIP-193 domain, a DNS-style name such as
 * `users.acme.example`: it is the namespace of the reasons, sent in every
 * google.rpc.ErrorInfo, and the key of the number ranges in protogov.yaml.
 */

import { errorEnumsIn } from "../../../model/error-model/error-model.js";
import { defineRule } from "../rule.js";

const DNS_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

export default defineRule({
  id: "ERROR_DOMAIN",
  category: "ERRORS",
  defaultSeverity: "error",
  description: "Error enums set (protogov.errors.v1.domain) to a lowercase DNS-style name, such as users.acme.example.",
  rationale:
    "AIP-193 identifies an error by domain and reason; without a domain, reasons of different services collide and clients cannot map errors to classes.",
  create: () => ({
    file(ctx) {
      for (const { model, path } of errorEnumsIn(ctx.proto)) {
        if (!model.domainOptions) {
          ctx.report(
            path,
            `error enum ${model.fullName} has error values but no (protogov.errors.v1.domain) option`,
            'add `option (protogov.errors.v1.domain) = { domain: "service.example.com" };` to the enum',
          );
        } else if (!DNS_NAME.test(model.domain)) {
          ctx.report(
            path,
            `error domain "${model.domain}" of ${model.fullName} is not a lowercase DNS-style name`,
            "use the name of the service that produces the errors, such as users.acme.example",
          );
        }
      }
    },
  }),
});

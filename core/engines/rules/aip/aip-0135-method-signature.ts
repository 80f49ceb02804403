/** AIP-135: Delete methods declare `(google.api.method_signature) = "name"` (plus etag, force if present) (api-linter core::0135::method-signature). */
import { defineMethodRule, hasField } from "./method-rules.js";
import { isStandardMethod } from "./standard-methods.js";

export default defineMethodRule({
  aip: 135,
  name: "method-signature",
  description: 'Delete methods declare `(google.api.method_signature) = "name"` (with `etag` and `force` when the request has them).',
  rationale: "Client libraries generate their flattened method overloads from the method signature.",
  only: (m) => isStandardMethod("Delete", m),
  lint: (m) => {
    const allowed = ["name", ...["etag", "force"].filter((f) => hasField(m.input, f))];
    const want = allowed.join(",");
    const first = m.signatures[0];
    if (!first) return { message: `Delete methods should include \`(google.api.method_signature) = "${want}"\``, at: "method" };
    if (!first.every((f) => allowed.includes(f)) || !first.includes("name"))
      return { message: `The method signature for Delete methods should be "${want}".`, at: "signature" };
    return undefined;
  },
});

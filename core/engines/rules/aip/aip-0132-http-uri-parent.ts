/** AIP-132: the HTTP URI of a List method with a `parent` field has a `parent` variable (api-linter core::0132::http-uri-parent). */
import { hasField } from "./method-rules.js";
import { uriVariableRule } from "./standard-method-lints.js";

export default uriVariableRule(
  132,
  "List",
  "http-uri-parent",
  () => "parent",
  (m) => hasField(m.input, "parent"),
);

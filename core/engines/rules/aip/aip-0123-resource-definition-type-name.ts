/** AIP-123: resource definitions' types are `{Service Name}/{Type}` (api-linter core::0123::resource-definition-type-name). */
import { defineResourceDefinitionRule } from "./resource-definition-rules.js";

export default defineResourceDefinitionRule({
  name: "resource-definition-type-name",
  description: "The type of a `google.api.resource_definition` has the form `{Service Name}/{Type}`.",
  rationale: "Resource references across APIs resolve by this type string; a malformed one matches nothing.",
  lint: (r) => ((r.type.match(/\//g)?.length ?? 0) !== 1 ? "Resource type names must be of the form {Service Name}/{Type}." : undefined),
});

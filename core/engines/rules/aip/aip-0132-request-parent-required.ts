/**
 * AIP-132: List requests have a `parent` field, unless the listed resource has
 * no parent (api-linter core::0132::request-parent-required).
 */
import { resource } from "../../../model/descriptors/google-api-options.js";
import { requestFieldRequiredRule } from "./request-fields.js";
import { hasParent } from "./resources.js";
import { snakeCase } from "./strcase.js";

export default requestFieldRequiredRule(132, "List", "parent", (c) => {
  // ListBooksRequest lists what ListBooksResponse's `books` field holds: a top-level resource needs no parent.
  const plural = c.proto.name.replace(/Request$/, "").replace(/^List/, "");
  const response = c.types.findInOption(`List${plural}Response`, c.file.package);
  const field = response?.proto.field.find((f) => f.name === snakeCase(plural));
  if (!field) return false;
  return !hasParent(resource(c.types.message(field.typeName)?.proto.options));
});

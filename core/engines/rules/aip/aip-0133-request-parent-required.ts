/**
 * AIP-133: Create requests have a `parent` field, unless the created resource
 * has no parent (api-linter core::0133::request-parent-required).
 */
import { resource } from "../../../model/descriptors/google-api-options.js";
import { createdResourceName } from "./aip-0133-request-unknown-fields.js";
import { requestFieldRequiredRule } from "./request-fields.js";
import { hasParent } from "./resources.js";
import { snakeCase } from "./strcase.js";

export default requestFieldRequiredRule(133, "Create", "parent", (c) => {
  // CreateBookRequest creates what its field of the resource type holds (found by name, as api-linter does).
  const singular = createdResourceName(c);
  const field = c.proto.field.find((f) => f.name === snakeCase(singular));
  if (!field) return false;
  return !hasParent(resource(c.types.message(field.typeName)?.proto.options));
});

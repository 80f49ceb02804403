/**
 * AIP-158: the first field of a paginated response has a plural name: the
 * snake_case of its resource's `plural`, else the plural of its own name as
 * api-linter pluralises (api-linter core::0158::response-plural-first-field).
 */
import { resource } from "../../../model/descriptors/google-api-options.js";
import { definePaginationRule, isPaginatedResponse } from "./pagination.js";
import { toPlural } from "./pluralize.js";
import { snakeCase } from "./strcase.js";

export default definePaginationRule({
  name: "response-plural-first-field",
  description: "The first field of a paginated response has a plural name (the resource's `plural` in snake_case, for a resource).",
  needsTypes: true,
  only: (m) => isPaginatedResponse(m) && m.field.length > 0,
  lint: (c) => {
    const first = c.fieldAt(0);
    if (!first) return;
    const type = first.proto.typeName ? c.types.message(first.proto.typeName) : undefined;
    const plural = (type && resource(type.proto.options)?.plural) || "";
    const want = plural !== "" ? snakeCase(plural) : toPlural(first.proto.name);
    if (want !== first.proto.name)
      c.problem(
        first.element,
        plural !== ""
          ? "Paginated resource response field name should be the snake_case form of the resource type plural defined in the `(google.api.resource)` annotation."
          : "First field of Paginated RPCs' response should be plural.",
      );
  },
});

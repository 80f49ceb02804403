/** AIP-134: Update requests hold only the resource, update_mask, allow_missing, request_id, validate_only and views (api-linter core::0134::request-unknown-fields). */
import { requestUnknownFieldsRule } from "./request-fields.js";
import { snakeCase } from "./strcase.js";

export default requestUnknownFieldsRule(
  134,
  "Update",
  (c) => [snakeCase(c.proto.name.slice(6, -7)).toLowerCase(), "allow_missing", "request_id", "update_mask", "validate_only", "view"],
  true,
);

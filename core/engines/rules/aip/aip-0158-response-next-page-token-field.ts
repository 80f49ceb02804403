/** AIP-158: paginated responses have a singular `string next_page_token` (api-linter core::0158::response-next-page-token-field). */
import { FieldType, lintSingularField } from "./message-rules.js";
import { definePaginationRule, isPaginatedResponse } from "./pagination.js";

export default definePaginationRule({
  name: "response-next-page-token-field",
  description: "Paginated responses (`List...Response`) have a `string next_page_token` field.",
  only: isPaginatedResponse,
  lint: (c) => lintSingularField(c, "next_page_token", FieldType.string, "string", false),
});

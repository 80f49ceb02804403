/** AIP-158: paginated requests have a singular `string page_token`, not in a oneof (api-linter core::0158::request-page-token-field). */
import { FieldType, lintSingularField } from "./message-rules.js";
import { definePaginationRule, isPaginatedRequest } from "./pagination.js";

export default definePaginationRule({
  name: "request-page-token-field",
  description: "Paginated requests (`List...Request`) have a `string page_token` field outside any oneof.",
  only: isPaginatedRequest,
  lint: (c) => lintSingularField(c, "page_token", FieldType.string, "string", true),
});

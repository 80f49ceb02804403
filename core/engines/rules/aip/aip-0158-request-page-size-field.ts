/** AIP-158: paginated requests have a singular `int32 page_size`, not in a oneof (api-linter core::0158::request-page-size-field). */
import { FieldType, lintSingularField } from "./message-rules.js";
import { definePaginationRule, isPaginatedRequest } from "./pagination.js";

export default definePaginationRule({
  name: "request-page-size-field",
  description: "Paginated requests (`List...Request`) have an `int32 page_size` field outside any oneof.",
  only: isPaginatedRequest,
  lint: (c) => lintSingularField(c, "page_size", FieldType.int32, "int32", true),
});

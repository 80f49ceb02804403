/** AIP-158: a `skip` field of a paginated request is a singular int32 (api-linter core::0158::request-skip-field). */
import { FieldType, fieldTypePath, isRepeated } from "./message-rules.js";
import { definePaginationRule, isPaginatedRequest } from "./pagination.js";

export default definePaginationRule({
  name: "request-skip-field",
  description: "A `skip` field of a paginated request is a singular `int32`.",
  only: isPaginatedRequest,
  lint: (c) => {
    const f = c.field("skip");
    if (f && (f.proto.type !== FieldType.int32 || isRepeated(f.proto)))
      c.problem(f.element, "`skip` field on List RPCs should be a singular int32", fieldTypePath(f.proto));
  },
});

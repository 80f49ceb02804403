/** AIP-158: the first field of a paginated response is repeated and numbered 1 (api-linter core::0158::response-repeated-first-field). */
import { isRepeated } from "./message-rules.js";
import { definePaginationRule, isPaginatedResponse } from "./pagination.js";

export default definePaginationRule({
  name: "response-repeated-first-field",
  description: "The first field of a paginated response is the repeated list of results, with field number 1.",
  only: (m) => isPaginatedResponse(m) && m.field.length > 0,
  lint: (c) => {
    const first = c.fieldAt(0);
    if (!first) return;
    if (first.proto.number !== 1) c.problem(first.element, "The first field of paginated RPCs must have a protobuf ID of 1.", []);
    else if (!isRepeated(first.proto)) c.problem(first.element, "The first field of a paginated response should be repeated.", []);
  },
});

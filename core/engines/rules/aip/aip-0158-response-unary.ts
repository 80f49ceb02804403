/** AIP-158: paginated methods do not stream their response (api-linter core::0158::response-unary). */
import { defineMethodRule } from "./method-rules.js";
import { isPaginatedRequest, isPaginatedResponse } from "./pagination.js";

export default defineMethodRule({
  aip: 158,
  name: "response-unary",
  description: "Paginated methods are unary on the response side.",
  rationale: "Pages are fetched one request at a time; a streamed response has no next_page_token to follow.",
  only: (m) => isPaginatedRequest(m.input.proto) && isPaginatedResponse(m.output.proto),
  lint: (m) => (m.proto.serverStreaming ? { message: "Paginated responses must be unary, not streaming.", at: "response" } : undefined),
});

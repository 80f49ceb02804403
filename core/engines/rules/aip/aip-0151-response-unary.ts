/** AIP-151: methods returning an LRO do not stream their response (api-linter core::0151::response-unary). */
import { isLro } from "./lro-rules.js";
import { defineMethodRule } from "./method-rules.js";

export default defineMethodRule({
  aip: 151,
  name: "response-unary",
  description: "Methods returning an LRO are unary on the response side.",
  rationale: "An operation is one handle to poll; a stream of them has no meaning for LRO clients.",
  only: isLro,
  lint: (m) => (m.proto.serverStreaming ? { message: "LRO responses must be unary, not streaming.", at: "response" } : undefined),
});

/** AIP-132: a List method takes `List<Resource>Request`, named after the RPC (api-linter core::0132::request-message-name). */
import { defineAipRule } from "./aip-rule.js";
import { requestMessageNameCheck } from "./standard-methods.js";

export default defineAipRule({
  aip: 132,
  name: "request-message-name",
  description: "List methods take a request message named after the RPC (`ListBook` takes `ListBookRequest`).",
  rationale: "Request messages named after their RPC can grow fields without affecting other methods, and readers find them.",
  check: requestMessageNameCheck("List"),
});

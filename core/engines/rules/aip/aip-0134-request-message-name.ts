/** AIP-134: a Update method takes `Update<Resource>Request`, named after the RPC (api-linter core::0134::request-message-name). */
import { defineAipRule } from "./aip-rule.js";
import { requestMessageNameCheck } from "./standard-methods.js";

export default defineAipRule({
  aip: 134,
  name: "request-message-name",
  description: "Update methods take a request message named after the RPC (`UpdateBook` takes `UpdateBookRequest`).",
  rationale: "Request messages named after their RPC can grow fields without affecting other methods, and readers find them.",
  check: requestMessageNameCheck("Update"),
});

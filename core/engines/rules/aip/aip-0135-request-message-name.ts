/** AIP-135: a Delete method takes `Delete<Resource>Request`, named after the RPC (api-linter core::0135::request-message-name). */
import { defineAipRule } from "./aip-rule.js";
import { requestMessageNameCheck } from "./standard-methods.js";

export default defineAipRule({
  aip: 135,
  name: "request-message-name",
  description: "Delete methods take a request message named after the RPC (`DeleteBook` takes `DeleteBookRequest`).",
  rationale: "Request messages named after their RPC can grow fields without affecting other methods, and readers find them.",
  check: requestMessageNameCheck("Delete"),
});

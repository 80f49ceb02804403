/** AIP-131: a Get method takes `Get<Resource>Request`, named after the RPC (api-linter core::0131::request-message-name). */
import { defineAipRule } from "./aip-rule.js";
import { requestMessageNameCheck } from "./standard-methods.js";

export default defineAipRule({
  aip: 131,
  name: "request-message-name",
  description: "Get methods take a request message named after the RPC (`GetBook` takes `GetBookRequest`).",
  rationale: "Request messages named after their RPC can grow fields without affecting other methods, and readers find them.",
  check: requestMessageNameCheck("Get"),
});

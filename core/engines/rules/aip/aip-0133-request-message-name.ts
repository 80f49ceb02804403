/** AIP-133: a Create method takes `Create<Resource>Request`, named after the RPC (api-linter core::0133::request-message-name). */
import { defineAipRule } from "./aip-rule.js";
import { requestMessageNameCheck } from "./standard-methods.js";

export default defineAipRule({
  aip: 133,
  name: "request-message-name",
  description: "Create methods take a request message named after the RPC (`CreateBook` takes `CreateBookRequest`).",
  rationale: "Request messages named after their RPC can grow fields without affecting other methods, and readers find them.",
  check: requestMessageNameCheck("Create"),
});

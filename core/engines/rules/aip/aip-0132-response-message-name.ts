/** AIP-132: `ListBooks` returns `ListBooksResponse` (api-linter core::0132::response-message-name). */
import { defineMethodRule } from "./method-rules.js";
import { lintResponseNamedAfterMethod } from "./standard-method-lints.js";
import { isStandardMethod } from "./standard-methods.js";

export default defineMethodRule({
  aip: 132,
  name: "response-message-name",
  description: "List methods return a response named after the RPC (`ListBooks` returns `ListBooksResponse`).",
  rationale: "A response message of its own can grow fields (next_page_token, unreachable) without affecting other methods.",
  only: (m) => isStandardMethod("List", m),
  lint: lintResponseNamedAfterMethod,
});

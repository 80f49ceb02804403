/** AIP-131: `GetBook` returns `Book` (api-linter core::0131::response-message-name). */
import { defineMethodRule } from "./method-rules.js";
import { isStandardMethod } from "./standard-methods.js";

export default defineMethodRule({
  aip: 131,
  name: "response-message-name",
  description: "Get methods return the resource itself (`GetBook` returns `Book`).",
  rationale: "A Get that returns the resource lets every client treat resources alike.",
  only: (m) => isStandardMethod("Get", m),
  lint: (m) =>
    m.output.proto.name === m.name.slice(3)
      ? undefined
      : {
          message: `Get RPCs should have the corresponding resource as the response message, such as "${m.name.slice(3)}".`,
          at: "response",
        },
});

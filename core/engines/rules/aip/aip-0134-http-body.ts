/** AIP-134: `UpdateBook`'s HTTP body is the `book` field (api-linter core::0134::http-body). */
import { httpBodyRule } from "./standard-method-lints.js";
import { snakeCase } from "./strcase.js";

export default httpBodyRule(
  134,
  "Update",
  'Update methods send the resource field as the HTTP body (`body: "book"`).',
  (m) => snakeCase(m.name.slice(6)),
  (m) => `Update methods should have an HTTP body equal to "${snakeCase(m.name.slice(6))}".`,
);

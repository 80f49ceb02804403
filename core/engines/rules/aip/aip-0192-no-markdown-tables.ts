/** AIP-192: comments hold no Markdown tables (api-linter core::0192::no-markdown-tables). */
import { commentLineRule } from "./comment-rules.js";

/** A table's delimiter row (`--- | ---`), the line trimmed. */
const TABLE = /^([|] )?[-]{3,}[ ]?([|][ ]?[-]{3,}[ ]?)+[|]?$/;

export default commentLineRule({
  name: "no-markdown-tables",
  description: "Comments hold no Markdown tables.",
  rationale: "Many doc generators and IDEs render comments without table support; a table turns into noise.",
  message: "Comments should not include Markdown tables.",
  bad: (line) => TABLE.test(line.trim()),
});

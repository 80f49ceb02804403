/** AIP-123: resource patterns alternate collection and `{identifier}` segments (api-linter core::0123::resource-name-components-alternate). */
import { defineResourceRule, RESOURCE_OPTION } from "./resource-rules.js";

const IDENTIFIER = /^\{[a-z][_a-z0-9]*[a-z0-9]\}$/;

export default defineResourceRule({
  aip: 123,
  name: "resource-name-components-alternate",
  description: "Resource patterns alternate collection and identifier segments (`publishers/{publisher}/books/{book}`).",
  rationale: "Clients and tools split resource names into collection/ID pairs; two collections or two IDs in a row break that.",
  typed: true,
  lint: (c, r) => {
    // One finding per pattern that does not alternate, all at the annotation.
    for (const p of r.pattern) {
      const bad = p.split("/").find((seg, i) => (i % 2 === 1) !== IDENTIFIER.test(seg));
      if (bad !== undefined)
        c.problem(
          c.message,
          `Resource pattern "${p}" must alternate between collection and identifier. "${bad}" is not an identifier`,
          RESOURCE_OPTION,
        );
    }
  },
});

/**
 * AIP-132: List responses hold only the resource's field (`ListBooksResponse`
 * has `books`), `next_page_token`, `total_size` and `unreachable`
 * (api-linter core::0132::response-unknown-fields).
 */
import { defineMessageRule } from "./message-rules.js";
import { toPlural } from "./pluralize.js";
import { snakeCase } from "./strcase.js";

const LIST_RESPONSE = /^List([A-Z]+[A-Za-z0-9]*)Response$/;
const LIST_REVISIONS_RESPONSE = /^List(?:[A-Z]+[A-Za-z0-9]+)RevisionsResponse$/;
/** next_page_token (AIP-158), total_size (AIP-132), unreachable (AIP-217; `unreachable_locations` is another rule's). */
const ALLOWED = new Set(["next_page_token", "total_size", "unreachable", "unreachable_locations"]);

export default defineMessageRule({
  aip: 132,
  name: "response-unknown-fields",
  description: "List responses hold only the resource's repeated field, `next_page_token`, `total_size` and `unreachable`.",
  rationale: "Extra response fields make a standard List behave unlike the standard, which pagers and tools assume.",
  only: (m) => LIST_RESPONSE.test(m.name) && !LIST_REVISIONS_RESPONSE.test(m.name),
  lint: (c) => {
    let resource = snakeCase(LIST_RESPONSE.exec(c.proto.name)?.[1] ?? "");
    // An AIP-162 ListFooRevisions response lists revisions of foos: its field is the plural of foo.
    if (resource.endsWith("_revisions")) resource = toPlural(resource.slice(0, -"_revisions".length));
    for (const [i, f] of c.proto.field.entries()) {
      if (f.name === resource || ALLOWED.has(f.name)) continue;
      const at = c.fieldAt(i);
      if (at) c.problem(at.element, "List responses should only contain fields explicitly described in AIPs.", []);
    }
  },
});

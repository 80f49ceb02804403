/** AIP-127: HTTP URI variables take a full resource name, not a bare ID (api-linter core::0127::resource-name-extraction). */
import { uriVariables } from "./http-uri.js";
import { defineMethodRule } from "./method-rules.js";

export default defineMethodRule({
  aip: 127,
  name: "resource-name-extraction",
  description: "Variables of `google.api.http` URIs capture a full resource name (`{name=publishers/*/books/*}`), not an ID (`{book}`).",
  rationale: "Resource names are the API's identifiers; extracting IDs piecemeal makes clients rebuild names by hand.",
  // `{$api_version}` reads as the literal `v` (utils.HTTPRule), so it never counts as a variable here.
  lint: (m) =>
    m.http.some((rule) => [...uriVariables(rule).values()].includes("*"))
      ? { message: "Extract a full resource name into a variable, not just IDs.", at: "http" }
      : undefined,
});

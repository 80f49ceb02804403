/** AIP-127: HTTP URIs follow the path template syntax of google/api/http.proto (api-linter core::0127::http-template-syntax). */
import { unversionedUri } from "./http-uri.js";
import { defineMethodRule } from "./method-rules.js";

// The grammar of google/api/http.proto, built as api-linter builds it.
const literal = String.raw`(\w+)`;
const identifier = String.raw`(\w+)`;
const verb = `(:${literal})`;
const fieldPath = String.raw`(${identifier}(\.${identifier})*)`;
const variableSegment = String.raw`(\*\*|\*|${literal})`;
const variableTemplate = `(${variableSegment}(/${variableSegment})*)`;
const variable = String.raw`(\{${fieldPath}(=${variableTemplate})?\})`;
const segment = String.raw`(\*\*|\*|${literal}|${variable})`;
const segments = `(${segment}(/${segment})*)`;
const TEMPLATE = new RegExp(`^/${segments}(${verb})?$`);

export default defineMethodRule({
  aip: 127,
  name: "http-template-syntax",
  description: "`google.api.http` URIs are valid HTTP path templates.",
  rationale: "Gateways and REST generators reject templates outside the grammar of google/api/http.proto.",
  lint: (m) => {
    const bad = m.http.find((r) => !TEMPLATE.test(unversionedUri(r)));
    return bad ? { message: `The HTTP pattern "${bad.uri}" does not follow proper HTTP path template syntax`, at: "http" } : undefined;
  },
});

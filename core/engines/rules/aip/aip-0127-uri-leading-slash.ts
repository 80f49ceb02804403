/** AIP-127: HTTP URIs begin with a slash (api-linter core::0127::uri-leading-slash). */
import { plainUri } from "./http-uri.js";
import { defineMethodRule } from "./method-rules.js";

export default defineMethodRule({
  aip: 127,
  name: "uri-leading-slash",
  description: "Every `google.api.http` URI begins with `/`.",
  rationale: "A path template without its leading slash is not a valid template for gateways and REST generators.",
  lint: (m) =>
    m.http.some((r) => !plainUri(r).startsWith("/")) ? { message: "URIs must begin with a leading slash.", at: "http" } : undefined,
});

/** AIP-127: every RPC but a bidirectional stream has a google.api.http binding (api-linter core::0127::http-annotation). */
import { defineMethodRule } from "./method-rules.js";

export default defineMethodRule({
  aip: 127,
  name: "http-annotation",
  description: "RPCs declare `google.api.http` (bidirectional streaming RPCs must not).",
  rationale: "Without an HTTP binding a method is unreachable from REST clients and gateways; a bidirectional stream has no HTTP mapping.",
  lint: (m) => {
    const bidi = m.proto.clientStreaming === true && m.proto.serverStreaming === true;
    const has = m.http.length > 0;
    if (has && bidi) return { message: "Bi-directional streaming RPCs should omit `google.api.http`.", at: "http" };
    if (!has && !bidi) return { message: "RPCs must include HTTP definitions using the `google.api.http` annotation.", at: "method" };
    return undefined;
  },
});

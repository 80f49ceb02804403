/** AIP-123: top-level messages with a `name` field (not requests or responses) carry google.api.resource (api-linter core::0123::resource-annotation). */
import { resource } from "../../../model/descriptors/google-api-options.js";
import { defineMessageRule } from "./message-rules.js";

export default defineMessageRule({
  aip: 123,
  name: "resource-annotation",
  description: "Top-level messages with a `name` field, other than requests and responses, are annotated with `google.api.resource`.",
  rationale: "The annotation tells client libraries and tooling the resource's type and name patterns (resource name helpers, references).",
  only: (m, nested) => !nested && m.field.some((f) => f.name === "name") && !m.name.endsWith("Request") && !m.name.endsWith("Response"),
  lint: (c) => {
    if (!resource(c.proto.options)) c.problem(c.message, "Resource messages should include a `google.api.resource` annotation.", []);
  },
});

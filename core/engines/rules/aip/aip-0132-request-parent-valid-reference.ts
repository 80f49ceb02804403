/**
 * AIP-132: the `parent` of a List request does not reference the listed
 * resource itself (api-linter core::0132::request-parent-valid-reference):
 * no field of `List<X>Response` holds a resource of the referenced type.
 */
import { resource, resourceReference } from "../../../model/descriptors/google-api-options.js";
import { defineMessageRule } from "./message-rules.js";
import { isRequestMessage } from "./request-fields.js";
import { RESOURCE_REFERENCE_OPTION } from "./resource-reference-rules.js";

const LABEL_REPEATED = 3;

export default defineMessageRule({
  aip: 132,
  name: "request-parent-valid-reference",
  description: "The `google.api.resource_reference` of a List request's `parent` names the parent, not the listed resource.",
  rationale: "A parent reference that names the listed resource makes clients build the wrong name for the collection.",
  needsTypes: true,
  only: (m) => isRequestMessage("List", m),
  lint: (c) => {
    const parent = c.field("parent");
    const type = resourceReference(parent?.proto.options)?.type ?? "";
    if (!parent || type === "") return;
    // utils.FindMessage: the response by name, in the file's package.
    const response = c.types.findInOption(c.proto.name.replace("Request", "Response"), c.file.package);
    for (const f of response?.proto.field ?? []) {
      const message = f.typeName ? c.types.message(f.typeName) : undefined;
      if (f.label !== LABEL_REPEATED && !message) continue;
      if (message && resource(message.proto.options)?.type === type) {
        c.problem(
          parent.element,
          `The \`google.api.resource_reference\` on \`parent\` field should reference the parent(s) of \`${type}\`.`,
          RESOURCE_REFERENCE_OPTION,
        );
        return;
      }
    }
  },
});

/** AIP-123: google.api.resource_reference is only set on string fields (api-linter core::0123::resource-reference-type). */
import { resourceReference } from "../../../model/descriptors/google-api-options.js";
import { defineMessageRule } from "./message-rules.js";
import { RESOURCE_REFERENCE_OPTION } from "./resource-reference-rules.js";

const TYPE_STRING = 9;
const LABEL_REPEATED = 3;

export default defineMessageRule({
  aip: 123,
  name: "resource-reference-type",
  description: "`google.api.resource_reference` is only set on string fields (a repeated string too, not a map).",
  rationale: "A resource reference says the string is a resource name; on any other type it means nothing to clients.",
  needsTypes: true,
  only: () => true,
  lint: (c) => {
    for (const [i, f] of c.proto.field.entries()) {
      if (!resourceReference(f.options)) continue;
      // utils.GetTypeName: a map reads as `map<...>`, so a map of strings is not a string either.
      const isMap = f.label === LABEL_REPEATED && c.types.message(f.typeName)?.proto.options?.mapEntry === true;
      const at = c.fieldAt(i);
      if (at && (f.type !== TYPE_STRING || isMap))
        c.problem(at.element, "Resource references should only be applied to strings.", RESOURCE_REFERENCE_OPTION);
    }
  },
});

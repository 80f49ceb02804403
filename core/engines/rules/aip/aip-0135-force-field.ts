/**
 * AIP-135: Delete requests for resources with children have a `bool force`
 * (api-linter core::0135::force-field). The resource is the `name` field's
 * resource_reference type; children are the resources, among the file's and
 * its direct imports' top-level messages, whose pattern extends the parent's
 * first pattern (utils.FindResourceChildren).
 */
import { resourceReference } from "../../../model/descriptors/google-api-options.js";
import { defineMessageRule } from "./message-rules.js";
import { isRequestMessage } from "./request-fields.js";
import { findResource, resourceChildren } from "./resources.js";

export default defineMessageRule({
  aip: 135,
  name: "force-field",
  description: "Delete requests for resources that have child resources have a `bool force` field.",
  rationale: "Deleting a parent with children either fails or cascades; `force` lets the caller choose the cascade (AIP-135).",
  needsTypes: true,
  only: (m) => isRequestMessage("Delete", m),
  lint: (c) => {
    const type = resourceReference(c.field("name")?.proto.options)?.type ?? "";
    const res = type === "" ? undefined : findResource(type, c.file, c.types);
    if (!res || c.field("force")) return;
    if (resourceChildren(res, c.file, c.types).length > 0)
      c.problem(c.message, "Delete requests for resources with children should have a `bool force` field", []);
  },
});
